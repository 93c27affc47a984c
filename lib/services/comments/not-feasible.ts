import type { Database } from "@/db/types";
import { excerptOf } from "@/lib/collaboration/excerpt";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { queueWebhookEvent, roadmapEvent } from "@/lib/services/webhooks/events";
import type { CommentRow } from "./threads";

/**
 * `comment.not_feasible` in the write's transaction, when a comment now says "not feasible" and did
 * not before (posted so, or edited to it); `edited` tells a receiver which.
 */
export async function queueNotFeasible(
  tx: Database,
  roadmap: RoadmapRow,
  before: Pick<CommentRow, "feasibility"> | null,
  after: CommentRow,
): Promise<void> {
  if (after.feasibility !== "not_feasible" || before?.feasibility === "not_feasible") return;
  await queueWebhookEvent(
    tx,
    roadmap.teamId,
    roadmapEvent("comment.not_feasible", roadmap, `Not feasible: “${excerptOf(after.body)}”`, {
      itemId: after.itemId,
      commentId: after.id,
      ...(before && { edited: true }),
    }),
  );
}
