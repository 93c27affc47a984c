import type { Database } from "@/db/types";
import { excerptOf } from "@/lib/collaboration/excerpt";
import type { Comment } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import { presentComment } from "./threads";
import { checkVersion, requireAuthorOrEditor, writeComment, writeTransaction } from "./write";

/** Soft delete by the author or an editor: the words disappear at once, restorable for 30 days. */
export async function deleteComment(
  db: Database,
  actor: Actor,
  commentId: string,
  expectedVersion: number,
): Promise<Comment> {
  return writeTransaction(db, actor, commentId, "comment.write", async (w) => {
    requireAuthorOrEditor(actor, w, "delete");
    await checkVersion(w.tx, w.row, expectedVersion);
    if (w.row.deletedAt) return presentComment(w.tx, w.row);
    const written = await writeComment(w, actor, {
      set: { deletedAt: new Date() },
      action: "deleted",
      changes: { excerpt: excerptOf(w.row.body) },
    });
    return presentComment(w.tx, written);
  });
}
