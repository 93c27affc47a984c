import { and, inArray, lt, ne } from "drizzle-orm";
import type { Database } from "@/db/types";
import { outboxMessages, webhookDeliveries } from "@/db/schema";
import { OUTBOX_STATUSES } from "@/lib/validation/delivery-kinds";

/** How long the Delivery log and the webhooks' logs keep what was sent, unless the env says otherwise. */
export const DEFAULT_DELIVERY_RETENTION_DAYS = 30;

/** CAIRN_DELIVERY_RETENTION_DAYS when it is a whole number of days, at least one; else 30. */
export function deliveryRetentionDays(env: Record<string, string | undefined> = process.env): number {
  const days = Number(env.CAIRN_DELIVERY_RETENTION_DAYS);
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_DELIVERY_RETENTION_DAYS;
}

/** Messages the worker is done with; a queued or retrying one is kept until it is. */
const FINISHED = OUTBOX_STATUSES.filter((s) => s !== "queued" && s !== "retrying");

/**
 * Run by the daily scheduled job (once across instances): deletes outbox messages and webhook
 * deliveries (their attempts go with them) made before the retention window, unless still in
 * flight. Their dedupe keys go too, which sends nothing again: every job that queues mail keys it
 * by a cause of its own day or hour (a review's due date, a digest's period, a comment), never one
 * that old.
 */
export async function pruneDeliveryLogs(
  db: Database,
  now: Date = new Date(),
): Promise<{ outbox: number; webhookDeliveries: number }> {
  const before = new Date(now.getTime() - deliveryRetentionDays() * 86_400_000);
  const outbox = await db
    .delete(outboxMessages)
    .where(and(lt(outboxMessages.createdAt, before), inArray(outboxMessages.status, FINISHED)))
    .returning({ id: outboxMessages.id });
  const deliveries = await db
    .delete(webhookDeliveries)
    .where(and(lt(webhookDeliveries.createdAt, before), ne(webhookDeliveries.state, "pending")))
    .returning({ id: webhookDeliveries.id });
  return { outbox: outbox.length, webhookDeliveries: deliveries.length };
}
