// One comment write: the roadmap lock and permission, the comment as it is now, its version, the
// versioned write and its activity entry.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { comments } from "@/db/schema";
import { excerptOf } from "@/lib/collaboration/excerpt";
import type { UpdateCommentInput } from "@/lib/validation/collaboration";
import type { Role } from "@/lib/validation/common";
import type { Actor } from "@/lib/services/kernel/actor";
import { can, type Permission } from "@/lib/validation/permissions";
import { commentOnLiveItem, presentComment, type CommentRow } from "./threads";
import { AppError, versionMismatch } from "@/lib/services/kernel/errors";
import {
  accessRoadmap,
  diffFields,
  recordRoadmapChange,
  type RoadmapRow,
} from "@/lib/services/kernel/roadmap-access";

export interface CommentWrite {
  tx: Database;
  roadmap: RoadmapRow;
  role: Role;
  row: CommentRow;
}

/**
 * One comment write: its transaction, the roadmap lock and role check first, then the comment as it
 * is now (on a live item; 404 otherwise).
 */
export async function writeTransaction<T>(
  db: Database,
  actor: Actor,
  commentId: string,
  permission: Permission,
  work: (w: CommentWrite) => Promise<T>,
): Promise<T> {
  const { roadmapId } = await commentOnLiveItem(db, commentId);
  return db.transaction(async (tx) => {
    const { roadmap, role } = await accessRoadmap(tx, actor, roadmapId, permission, { lock: true });
    const row = await commentOnLiveItem(tx, commentId);
    return work({ tx, roadmap, role, row });
  });
}

export async function checkVersion(tx: Database, row: CommentRow, expectedVersion: number) {
  if (row.version !== expectedVersion) throw versionMismatch("comment", await presentComment(tx, row));
}

/** Writes the comment at the version read and records the change; answers the row as written. */
export async function writeComment(
  { tx, roadmap, row }: CommentWrite,
  actor: Actor,
  change: {
    set: Partial<typeof comments.$inferInsert>;
    action: "updated" | "deleted" | "restored" | "resolved" | "reopened";
    changes?: Record<string, unknown>;
  },
): Promise<CommentRow> {
  const [written] = await tx
    .update(comments)
    .set({ ...change.set, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(comments.id, row.id), eq(comments.version, row.version)))
    .returning();
  if (!written)
    throw versionMismatch("comment", await presentComment(tx, await commentOnLiveItem(tx, row.id)));
  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "comment",
    entityId: row.id,
    itemId: row.itemId,
    action: change.action,
    version: written.version,
    changes: change.changes,
  });
  return written;
}

export function requireAuthorOrEditor(actor: Actor, w: CommentWrite, verb: string) {
  if (w.row.authorId !== actor.userId && !can(w.role, "roadmap.write")) {
    throw new AppError("forbidden", `Only the comment's author or an editor may ${verb} it.`);
  }
}

/** Before/after of the fields that changed; the body as excerpts, so the log stays small. */
export function commentChanges(before: CommentRow, patch: UpdateCommentInput) {
  const changes = diffFields({ body: before.body, feasibility: before.feasibility }, patch);
  if (changes.body) changes.body = { from: excerptOf(before.body), to: excerptOf(patch.body!) };
  return changes;
}
