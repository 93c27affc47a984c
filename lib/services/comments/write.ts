import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { comments } from "@/db/schema";
import { excerptOf } from "@/lib/collaboration/excerpt";
import {
  findMentionTokens,
  resolveMentionTokens,
  type MentionToken,
} from "@/lib/collaboration/mention-tokens";
import type { Comment, CreateCommentInput, UpdateCommentInput } from "@/lib/validation/collaboration";
import type { Role } from "@/lib/validation/common";
import type { Actor } from "@/lib/services/kernel/actor";
import { can, type Permission } from "@/lib/validation/permissions";
import { commentOnLiveItem, liveItem, presentComment, type CommentRow } from "./threads";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { loadTeamMembers } from "@/lib/services/teams/members";
import { notifyAboutComment } from "@/lib/services/notifications/notifications";
import {
  accessRoadmap,
  diffFields,
  recordRoadmapChange,
  type RoadmapRow,
} from "@/lib/services/kernel/roadmap-access";
import { RESTORE_WINDOW_DAYS } from "@/lib/services/roadmaps/rows";

const commentDeleted = (what = "That comment") =>
  new AppError("comment_deleted", `${what} has been deleted. Restore it first, or start a new thread.`);

/**
 * The members a body's mention tokens name; an @email that names nobody in the team is refused
 * (422). The tokens are found before the transaction (findMentionTokens: pure work on up to 10,000
 * characters), so only this indexed read of the members runs under the roadmap lock. It stays after
 * the role check: resolved before it, a non-member would learn from 422 vs 404 who is a member.
 */
async function mentionsIn(tx: Database, teamId: string, tokens: readonly MentionToken[]) {
  const members = (await loadTeamMembers(tx, teamId)).map((m) => m.user);
  const { userIds, unknownEmails } = resolveMentionTokens(tokens, members);
  if (unknownEmails.length > 0) {
    throw new AppError(
      "invalid_mention",
      `${unknownEmails.join(", ")} ${unknownEmails.length === 1 ? "is not a member" : "are not members"} of this team. Mention members only, or write the address without the leading @.`,
      { details: { mentions: unknownEmails } },
    );
  }
  return { userIds, memberIds: new Set(members.map((m) => m.id)) };
}

/** The thread a reply joins: replies to a reply attach to its thread's root (one level deep). */
async function replyTarget(tx: Database, itemId: string, parentId: string) {
  const [parent] = await tx.select().from(comments).where(eq(comments.id, parentId)).limit(1);
  if (!parent || parent.itemId !== itemId) {
    const message = "parentId must name a comment on this item.";
    throw new AppError("invalid_reference", `You can only reply to a comment on the same item: ${message}`, {
      details: [{ path: "parentId", message }],
    });
  }
  if (parent.deletedAt) throw commentDeleted("The comment you replied to");
  const [root] = parent.parentId
    ? await tx.select().from(comments).where(eq(comments.id, parent.parentId)).limit(1)
    : [parent];
  return { rootId: root.id, authorIds: [root.authorId, parent.authorId] };
}

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
    return presentComment(tx, row);
  });
}

interface CommentWrite {
  tx: Database;
  roadmap: RoadmapRow;
  role: Role;
  row: CommentRow;
}

/**
 * One comment write: its transaction, the roadmap lock and role check first, then the comment as it
 * is now (on a live item; 404 otherwise).
 */
async function writeTransaction<T>(
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

async function checkVersion(tx: Database, row: CommentRow, expectedVersion: number) {
  if (row.version !== expectedVersion) throw versionMismatch("comment", await presentComment(tx, row));
}

/** Writes the comment at the version read and records the change; answers the row as written. */
async function writeComment(
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

function requireAuthorOrEditor(actor: Actor, w: CommentWrite, verb: string) {
  if (w.row.authorId !== actor.userId && !can(w.role, "roadmap.write")) {
    throw new AppError("forbidden", `Only the comment's author or an editor may ${verb} it.`);
  }
}

/** Before/after of the fields that changed; the body as excerpts, so the log stays small. */
function commentChanges(before: CommentRow, patch: UpdateCommentInput) {
  const changes = diffFields({ body: before.body, feasibility: before.feasibility }, patch);
  if (changes.body) changes.body = { from: excerptOf(before.body), to: excerptOf(patch.body!) };
  return changes;
}

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
