// What a webhook receives: the event as JSON (format "standard") or, for a Slack incoming
// webhook (format "slack"), one line of text with a link to the page.

import { WEBHOOK_EVENT_LABELS } from "@/lib/validation/delivery-kinds";

export interface WebhookEvent {
  /** An event kind (`item.created`, ...) or `webhook.test`. */
  type: string;
  /** When it happened (ISO 8601). */
  timestamp: string;
  data: {
    teamId: string;
    roadmapId?: string;
    roadmapName?: string;
    /** What the event is about, in words ("Launch beta"). */
    title: string;
    /** The page that shows it. */
    url: string;
    [field: string]: unknown;
  };
}

/** Slack's mrkdwn reserves &, < and > (https://api.slack.com/reference/surfaces/formatting). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `{ text }` for a Slack incoming webhook: what happened, where, and a link titled by the item. */
export function slackPayload(event: WebhookEvent): { text: string } {
  const what = (WEBHOOK_EVENT_LABELS as Record<string, string>)[event.type] ?? event.type;
  const where = event.data.roadmapName ? ` in ${escapeSlack(event.data.roadmapName)}` : "";
  const link = `<${event.data.url.replace(/[<>|]/g, encodeURIComponent)}|${escapeSlack(event.data.title)}>`;
  return { text: `${what}${where}: ${link}` };
}

/** The body sent for a format: the event itself, or Slack's message. */
export function webhookBody(format: "standard" | "slack", event: WebhookEvent): string {
  return JSON.stringify(format === "slack" ? slackPayload(event) : event);
}
