import type { Database } from "@/db/types";
import type { Comment } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import { presentComment } from "./threads";
import { notFound } from "@/lib/services/kernel/errors";
import { RESTORE_WINDOW_DAYS } from "@/lib/services/roadmaps/rows";
import { requireAuthorOrEditor, writeComment, writeTransaction } from "./write";

export async function restoreComment(db: Database, actor: Actor, commentId: string): Promise<Comment> {
  return writeTransaction(db, actor, commentId, "comment.write", async (w) => {
    requireAuthorOrEditor(actor, w, "restore");
    const { deletedAt } = w.row;
    if (!deletedAt) return presentComment(w.tx, w.row);
    if (Date.now() - deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) throw notFound("comment");
    const written = await writeComment(w, actor, { set: { deletedAt: null }, action: "restored" });
    return presentComment(w.tx, written);
  });
}
