import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { teams, webhookDeliveries, webhooks, type roadmaps } from "@/db/schema";
import type { WebhookEvent } from "@/lib/collaboration/webhook-payload";

type RoadmapKind = (typeof roadmaps.$inferSelect)["kind"];
import type { WebhookDelivery } from "@/lib/validation/delivery";
import type { Actor } from "@/lib/services/kernel/actor";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { enqueueJob, JOB_QUEUES } from "@/lib/services/kernel/jobs";
import { toDelivery } from "./deliveries";
import { ownedWebhook } from "./webhooks";

/** A webhook job: the attempt number makes a job run twice (at least once) attempt only once. */
export interface WebhookJob {
  deliveryId: string;
  attempt: number;
}

/** One delivery row and its first job, in the caller's transaction. */
async function queueDelivery(tx: Database, webhookId: string, event: WebhookEvent) {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({
      webhookId,
      event: event.type,
      payload: event as unknown as Record<string, unknown>,
      nextAttemptAt: new Date(),
    })
    .returning();
  await enqueueJob(tx, JOB_QUEUES.deliverWebhook, { deliveryId: row.id, attempt: 1 } satisfies WebhookJob);
  return row;
}

/**
 * Inside the transaction of the change: a delivery for every active webhook of the team that
 * wants this kind of event. A rolled-back change sends nothing.
 */
export async function queueWebhookEvent(
  tx: Database,
  teamId: string,
  event: Omit<WebhookEvent, "timestamp">,
): Promise<void> {
  const wanted = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.teamId, teamId),
        eq(webhooks.active, true),
        sql`(${webhooks.events} ? ${event.type} OR ${webhooks.events} ? '*')`,
      ),
    );
  const full = { ...event, timestamp: new Date().toISOString() };
  for (const { id } of wanted) await queueDelivery(tx, id, full);
}

/**
 * An item event, of a roadmap only: edits inside a scenario are a what-if, not news for the team's
 * chat or CI (applying the scenario to its roadmap is, and sends the roadmap's item events).
 */
export async function queueItemEvent(
  tx: Database,
  roadmap: { teamId: string; kind: RoadmapKind },
  event: Omit<WebhookEvent, "timestamp">,
): Promise<void> {
  if (roadmap.kind !== "roadmap") return;
  await queueWebhookEvent(tx, roadmap.teamId, event);
}

/** An item event's payload: what happened to which item, and the link that opens it. */
export function itemEvent(
  type: "item.created" | "item.updated" | "item.deleted",
  item: { id: string; title: string; roadmapId: string; teamId: string; version: number },
  changes?: Record<string, unknown>,
): Omit<WebhookEvent, "timestamp"> {
  return {
    type,
    data: {
      teamId: item.teamId,
      roadmapId: item.roadmapId,
      itemId: item.id,
      title: item.title,
      version: item.version,
      ...(changes && { changes }),
      url: `${appOrigin()}/roadmaps/${item.roadmapId}?item=${item.id}`,
    },
  };
}

/**
 * A roadmap-level event's payload (a review, a gate, a scenario, a feedback round, a comment, a
 * milestone's forecast): the roadmap's page, opened on the item when the details name one.
 */
export function roadmapEvent(
  type:
    | "review.recorded"
    | "gate.decided"
    | "scenario.applied"
    | "feedback_round.closed"
    | "comment.not_feasible"
    | "milestone.at_risk"
    | "milestone.p80_moved",
  roadmap: { id: string; teamId: string; title: string },
  title: string,
  details: Record<string, unknown>,
): Omit<WebhookEvent, "timestamp"> {
  return {
    type,
    data: {
      teamId: roadmap.teamId,
      roadmapId: roadmap.id,
      roadmapName: roadmap.title,
      title,
      url: `${appOrigin()}/roadmaps/${roadmap.id}${details.itemId ? `?item=${String(details.itemId)}` : ""}`,
      ...details,
    },
  };
}

/** "Send test event": a `webhook.test` delivery now, even to a webhook that is turned off. */
export async function sendTestEvent(db: Database, actor: Actor, webhookId: string): Promise<WebhookDelivery> {
  const hook = await ownedWebhook(db, actor, webhookId);
  const [team] = await db.select({ slug: teams.slug }).from(teams).where(eq(teams.id, hook.teamId));
  const row = await db.transaction((tx) =>
    queueDelivery(tx, hook.id, {
      type: "webhook.test",
      timestamp: new Date().toISOString(),
      data: {
        teamId: hook.teamId,
        title: "A test event from Cairn",
        url: `${appOrigin()}/teams/${team?.slug ?? ""}/settings`,
      },
    }),
  );
  return toDelivery(row, []);
}
