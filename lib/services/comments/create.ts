import type { Database } from "@/db/types";
import { comments } from "@/db/schema";
import { excerptOf } from "@/lib/collaboration/excerpt";
import { findMentionTokens } from "@/lib/collaboration/mention-tokens";
import type { Comment, CreateCommentInput } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import { liveItem, presentComment } from "./threads";
import { notifyAboutComment } from "@/lib/services/notifications/notifications";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { queueNotFeasible } from "./not-feasible";
import { mentionsIn, replyTarget } from "./mentions";

export async function createComment(
  db: Database,
  actor: Actor,
  itemId: string,
  input: CreateCommentInput,
): Promise<Comment> {
  const { roadmapId } = await liveItem(db, itemId);
  const tokens = findMentionTokens(input.body); // before the lock: see mentionsIn
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "comment.write", { lock: true });
    await liveItem(tx, itemId); // it may have been deleted while this waited for the lock
    const parent = input.parentId ? await replyTarget(tx, itemId, input.parentId) : null;
    const mentions = await mentionsIn(tx, roadmap.teamId, tokens);
    const [row] = await tx
      .insert(comments)
      .values({
        roadmapId,
        itemId,
        parentId: parent?.rootId ?? null,
        authorId: actor.userId,
        body: input.body,
        feasibility: input.feasibility ?? null,
        mentionIds: mentions.userIds,
      })
      .returning();
    await notifyAboutComment(
      tx,
      actor,
      { teamId: roadmap.teamId, roadmapId, itemId, commentId: row.id, body: row.body },
      { mentioned: mentions.userIds, repliedTo: parent?.authorIds ?? [], memberIds: mentions.memberIds },
    );
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "comment",
      entityId: row.id,
      itemId,
      action: "created",
      version: row.version,
      changes: { parentId: row.parentId, feasibility: row.feasibility, excerpt: excerptOf(row.body) },
    });
    await queueNotFeasible(tx, roadmap, null, row);
    return presentComment(tx, row);
  });
}
