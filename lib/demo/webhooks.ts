// The demo team's webhook: a Slack message for gates, reviews and milestones, sent to a chat
// address that no longer exists, so Cairn turned it off after a day of failures. Its delivery log
// shows the retries (30 s, doubling, at most 6 h, for 24 h) as the worker would have written them.
import { newWebhookSecret } from "@/lib/collaboration/webhook-signature";
import { retryDelayMs, RETRY_WINDOW_MS } from "@/lib/services/webhooks/deliver";
import { roadmapEvent } from "@/lib/services/webhooks/events";
import type { Database } from "@/db/types";
import { webhookAttempts, webhookDeliveries, webhooks, type roadmaps } from "@/db/schema";

export const DEMO_WEBHOOK_URL = "https://chat.northwind.invalid/hooks/payments-roadmap";
const HOST = new URL(DEMO_WEBHOOK_URL).hostname;

/** The attempts of one delivery made at `from`: retried until the day is over, each one failing. */
function failedAttempts(deliveryId: string, from: number) {
  const attempts: (typeof webhookAttempts.$inferInsert)[] = [];
  for (let n = 1, at = from; at - from <= RETRY_WINDOW_MS; at += retryDelayMs(n), n++) {
    attempts.push({
      deliveryId,
      at: new Date(at),
      outcome: "failed",
      status: null,
      durationMs: 12 + ((n * 7) % 30),
      error: `getaddrinfo ENOTFOUND ${HOST}`,
      responseBody: null,
    });
  }
  return attempts;
}

/**
 * Two deliveries, a gate decided and a review recorded, each given up after a day; the webhook
 * turned off ("failing") when the first had failed for a day.
 */
export async function seedWebhook(
  tx: Database,
  ctx: { roadmap: typeof roadmaps.$inferSelect; now: Date; gateTitle: string },
) {
  const firstAt = ctx.now.getTime() - 3 * 86_400_000;
  const reviewedOn = new Date(firstAt).toISOString().slice(0, 10);
  const [hook] = await tx
    .insert(webhooks)
    .values({
      teamId: ctx.roadmap.teamId,
      url: DEMO_WEBHOOK_URL,
      events: ["gate.decided", "review.recorded", "milestone.at_risk", "milestone.p80_moved"],
      format: "slack",
      description: "#payments-roadmap in the old chat",
      secret: newWebhookSecret(),
      active: false,
      disabledReason: "failing",
      failingSince: new Date(firstAt),
      createdAt: new Date(firstAt - 30 * 86_400_000),
    })
    .returning();
  const events = [
    roadmapEvent("gate.decided", ctx.roadmap, `Gate “${ctx.gateTitle}”: proceed`, { decision: "proceed" }),
    roadmapEvent("review.recorded", ctx.roadmap, `executive review of ${reviewedOn}`, {
      audience: "executive",
      heldOn: reviewedOn,
    }),
  ];
  for (const [i, event] of events.entries()) {
    const at = firstAt + i * 3_600_000;
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({
        webhookId: hook.id,
        event: event.type,
        payload: { ...event, timestamp: new Date(at).toISOString() },
        state: "gave_up",
        nextAttemptAt: null,
        createdAt: new Date(at),
      })
      .returning({ id: webhookDeliveries.id });
    await tx.insert(webhookAttempts).values(failedAttempts(delivery.id, at));
  }
}
