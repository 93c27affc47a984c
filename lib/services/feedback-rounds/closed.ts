import type { Database } from "@/db/types";
import type { feedbackRounds } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { queueWebhookEvent, roadmapEvent } from "@/lib/services/webhooks/events";

type RoundRow = typeof feedbackRounds.$inferSelect;

/**
 * What closing a round tells the world, in its transaction: the roadmap's activity and live
 * event, and the `feedback_round.closed` webhook. The same whether an editor closed it early
 * (`actor`) or its last day passed and the scheduled job closed it (`actor` null).
 */
export async function announceRoundClosed(
  tx: Database,
  actor: Pick<Actor, "userId"> | null,
  roadmap: { id: string; teamId: string; title: string },
  closed: RoundRow,
): Promise<void> {
  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "feedback_round",
    entityId: closed.id,
    action: "updated",
    version: closed.version,
    changes: { status: { from: "open", to: "closed" } },
  });
  await queueWebhookEvent(
    tx,
    roadmap.teamId,
    roadmapEvent("feedback_round.closed", roadmap, `Feedback round “${closed.question}” closed`, {
      roundId: closed.id,
      audience: closed.audience,
    }),
  );
}
