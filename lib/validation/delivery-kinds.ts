// The enumerations of #17's tables and contract (email, webhooks, reminders), without zod, for
// db/schema to import.

/** Email kinds a member can turn on or off (api.md, "Email, webhooks, reminders"). */
export const EMAIL_SETTING_KINDS = [
  "mention",
  "reply",
  "ownedItemChanged",
  "reviewReminder",
  "feedbackRound",
] as const;
export type EmailSettingKind = (typeof EMAIL_SETTING_KINDS)[number];

export const DIGEST_FREQUENCIES = ["off", "daily", "weekly"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * Every kind of message Cairn mails. Invitations and password resets are not settings: they are
 * asked for (by an inviter, by the account holder) and go out once.
 */
export const EMAIL_KINDS = [
  "invitation",
  "passwordReset",
  ...EMAIL_SETTING_KINDS,
  "digest",
  "webhookDisabled",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** What happened to a message in the outbox (team Settings → Delivery log). */
export const OUTBOX_STATUSES = [
  "queued", // waiting for a worker
  "sent", // accepted by the SMTP server
  "logged", // no SMTP_URL: written to the server log and kept here instead
  "retrying", // the last attempt failed; another is scheduled
  "failed", // gave up after the last retry
  "suppressed", // the recipient turned this kind off before it went out
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const WEBHOOK_EVENT_KINDS = [
  "item.created",
  "item.updated",
  "item.deleted",
  "milestone.at_risk",
  "milestone.p80_moved",
  "review.recorded",
  "feedback_round.closed",
  "scenario.applied",
  "gate.decided",
  "comment.not_feasible",
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];
/** Each event in words: the settings page's checkboxes, the delivery log, Slack's message. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventKind | "webhook.test", string> = {
  "item.created": "Item created",
  "item.updated": "Item changed",
  "item.deleted": "Item deleted",
  "milestone.at_risk": "Milestone at risk",
  "milestone.p80_moved": "Key milestone P80 moved",
  "review.recorded": "Review recorded",
  "feedback_round.closed": "Feedback round closed",
  "scenario.applied": "Scenario applied",
  "gate.decided": "Gate decided",
  "comment.not_feasible": "Comment: not feasible",
  "webhook.test": "Test event from Cairn",
};

/** What a webhook subscribes to: event kinds, or "*" for every kind (and kinds added later). */
export const WEBHOOK_SUBSCRIPTIONS = [...WEBHOOK_EVENT_KINDS, "*"] as const;
export type WebhookSubscription = (typeof WEBHOOK_SUBSCRIPTIONS)[number];

export const WEBHOOK_FORMATS = ["standard", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** One attempt to deliver an event to a webhook. */
export const WEBHOOK_ATTEMPT_OUTCOMES = [
  "succeeded", // a 2xx answer
  "failed", // a non-2xx answer, a timeout or a network error: retried with backoff
  "refused", // the address resolved to a private, loopback or link-local host, or redirected
] as const;
export type WebhookAttemptOutcome = (typeof WEBHOOK_ATTEMPT_OUTCOMES)[number];

/** Why a webhook stopped receiving events. */
export const WEBHOOK_DISABLED_REASONS = ["owner", "failing"] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

/** Each kind of email in words, for settings and the unsubscribe page ("no more … emails"). */
export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  invitation: "invitation",
  passwordReset: "password reset",
  mention: "mention",
  reply: "reply",
  ownedItemChanged: "item change",
  reviewReminder: "review reminder",
  feedbackRound: "feedback round",
  digest: "digest",
  webhookDisabled: "webhook alert",
};
