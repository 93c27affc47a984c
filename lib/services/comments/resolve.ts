import type { Database } from "@/db/types";
import type { Comment } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import { presentComment } from "./threads";
import { AppError } from "@/lib/services/kernel/errors";
import { commentDeleted } from "./mentions";
import { checkVersion, writeComment, writeTransaction } from "./write";

/** An editor resolves a thread, or reopens it; asking for the state it is in changes nothing. */
export async function resolveComment(
  db: Database,
  actor: Actor,
  commentId: string,
  resolved: boolean,
  expectedVersion?: number,
): Promise<Comment> {
  return writeTransaction(db, actor, commentId, "roadmap.write", async (w) => {
    if (w.row.parentId) {
      throw new AppError(
        "not_thread_root",
        "Replies are resolved with their thread: resolve the comment that starts it.",
        { details: { rootId: w.row.parentId } },
      );
    }
    if (expectedVersion !== undefined) await checkVersion(w.tx, w.row, expectedVersion);
    if (w.row.deletedAt) throw commentDeleted();
    if ((w.row.resolvedAt !== null) === resolved) return presentComment(w.tx, w.row);
    const written = await writeComment(w, actor, {
      set: resolved
        ? { resolvedAt: new Date(), resolvedById: actor.userId }
        : { resolvedAt: null, resolvedById: null },
      action: resolved ? "resolved" : "reopened",
    });
    return presentComment(w.tx, written);
  });
}
