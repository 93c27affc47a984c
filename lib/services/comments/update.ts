import type { Database } from "@/db/types";
import { findMentionTokens } from "@/lib/collaboration/mention-tokens";
import type { Comment, UpdateCommentInput } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import { presentComment } from "./threads";
import { AppError } from "@/lib/services/kernel/errors";
import { notifyAboutComment } from "@/lib/services/notifications/notifications";
import { commentDeleted, mentionsIn } from "./mentions";
import { queueNotFeasible } from "./not-feasible";
import { checkVersion, commentChanges, writeComment, writeTransaction } from "./write";

/** The author edits the body or verdict; members newly mentioned are notified. */
export async function updateComment(
  db: Database,
  actor: Actor,
  commentId: string,
  expectedVersion: number,
  patch: UpdateCommentInput,
): Promise<Comment> {
  const tokens = patch.body === undefined ? [] : findMentionTokens(patch.body); // before the lock
  return writeTransaction(db, actor, commentId, "comment.write", async (w) => {
    const { tx, roadmap, row } = w;
    if (row.authorId !== actor.userId) {
      throw new AppError("forbidden", "Only a comment's author can edit it; reply to it instead.");
    }
    await checkVersion(tx, row, expectedVersion);
    if (row.deletedAt) throw commentDeleted();
    const changes = commentChanges(row, patch);
    if (Object.keys(changes).length === 0) return presentComment(tx, row);
    const mentions = changes.body ? await mentionsIn(tx, roadmap.teamId, tokens) : null;
    const written = await writeComment(w, actor, {
      set: {
        ...(patch.feasibility !== undefined && { feasibility: patch.feasibility }),
        ...(mentions && { body: patch.body, editedAt: new Date(), mentionIds: mentions.userIds }),
      },
      action: "updated",
      changes,
    });
    await queueNotFeasible(tx, roadmap, row, written);
    if (mentions) {
      await notifyAboutComment(
        tx,
        actor,
        {
          teamId: roadmap.teamId,
          roadmapId: row.roadmapId,
          itemId: row.itemId,
          commentId,
          body: written.body,
        },
        {
          mentioned: mentions.userIds.filter((id) => !row.mentionIds.includes(id)),
          repliedTo: [],
          memberIds: mentions.memberIds,
        },
      );
    }
    return presentComment(tx, written);
  });
}
