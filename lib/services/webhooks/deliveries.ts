import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/types";
import { webhookAttempts, webhookDeliveries } from "@/db/schema";
import type { WebhookDelivery } from "@/lib/validation/delivery";
import type { Actor } from "@/lib/services/kernel/actor";
import {
  afterTimeCursor,
  decodeCursor,
  exactTime,
  paginate,
  timeCursorSchema,
} from "@/lib/services/kernel/cursor";
import { ownedWebhook } from "./webhooks";

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;

export function toDelivery(row: DeliveryRow, attempts: AttemptRow[]): WebhookDelivery {
  return {
    id: row.id,
    event: row.event as WebhookDelivery["event"],
    createdAt: row.createdAt.toISOString(),
    state: row.state,
    nextAttemptAt: row.state === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    attempts: attempts.map((a) => ({
      at: a.at.toISOString(),
      outcome: a.outcome,
      status: a.status,
      durationMs: a.durationMs,
      error: a.error,
      responseBody: a.responseBody,
    })),
  };
}

/** The delivery log (owner): deliveries newest first, each with its attempts in order. */
export async function listWebhookDeliveries(
  db: Database,
  actor: Actor,
  webhookId: string,
  query: { limit: number; cursor?: string },
): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> {
  await ownedWebhook(db, actor, webhookId);
  const after = decodeCursor(query.cursor, timeCursorSchema);
  const rows = await db
    .select({ d: webhookDeliveries, t: exactTime(webhookDeliveries.createdAt) })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        after && afterTimeCursor(webhookDeliveries.createdAt, webhookDeliveries.id, after, "desc"),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, (last) => ({ t: last.t, id: last.d.id }));
  const ids = page.rows.map((r) => r.d.id);
  const attempts = ids.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, ids))
        .orderBy(asc(webhookAttempts.at))
    : [];
  return {
    items: page.rows.map(({ d }) =>
      toDelivery(
        d,
        attempts.filter((a) => a.deliveryId === d.id),
      ),
    ),
    nextCursor: page.nextCursor,
  };
}
