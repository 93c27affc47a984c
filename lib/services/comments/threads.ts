import { and, asc, eq, exists, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/types";
import { comments, items } from "@/db/schema";
import { emptyFeedback } from "@/lib/collaboration/feedback";
import type { Comment, CommentThread, FeedbackSummary, Person } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadFeedback } from "./verdicts";
import {
  afterTimeCursor,
  decodeCursor,
  exactTime,
  paginate,
  timeCursorSchema,
} from "@/lib/services/kernel/cursor";
import { notFound } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";

export type CommentRow = typeof comments.$inferSelect;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A comment as the API shows it: a deleted one keeps its place in the thread but none of its content. */
export function toComment(row: CommentRow, people: Map<string, Person>): Comment {
  const deleted = row.deletedAt !== null;
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  return {
    id: row.id,
    roadmapId: row.roadmapId,
    itemId: row.itemId,
    parentId: row.parentId,
    author: person(row.authorId),
    body: deleted ? "" : row.body,
    feasibility: deleted ? null : row.feasibility,
    mentions: deleted ? [] : row.mentionIds.flatMap((id) => person(id) ?? []),
    resolved: row.resolvedAt !== null,
    resolvedAt: iso(row.resolvedAt),
    resolvedBy: person(row.resolvedById),
    editedAt: iso(row.editedAt),
    deleted,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** Comments with their authors, mentioned members and resolvers, in one query for the people. */
export async function presentComments(db: Database, rows: CommentRow[]): Promise<Comment[]> {
  const people = await loadPeople(
    db,
    rows.flatMap((r) => [r.authorId, r.resolvedById, ...r.mentionIds]),
  );
  return rows.map((r) => toComment(r, people));
}

export async function presentComment(db: Database, row: CommentRow): Promise<Comment> {
  const [comment] = await presentComments(db, [row]);
  return comment;
}

/** A live item's roadmap; deleted items and their comments are out of reach (404). */
export async function liveItem(db: Database, itemId: string): Promise<{ id: string; roadmapId: string }> {
  const [row] = await db
    .select({ id: items.id, roadmapId: items.roadmapId })
    .from(items)
    .where(and(eq(items.id, itemId), isNull(items.deletedAt)))
    .limit(1);
  if (!row) throw notFound("item");
  return row;
}

/** A comment, deleted or not, on a live item; 404 otherwise. */
export async function commentOnLiveItem(db: Database, commentId: string): Promise<CommentRow> {
  const [row] = await db
    .select({ comment: comments })
    .from(comments)
    .innerJoin(items, and(eq(items.id, comments.itemId), isNull(items.deletedAt)))
    .where(eq(comments.id, commentId))
    .limit(1);
  if (!row) throw notFound("comment");
  return row.comment;
}

export interface CommentPage {
  items: CommentThread[];
  nextCursor: string | null;
  summary: FeedbackSummary;
}

/**
 * An item's threads, oldest first, a page of root comments at a time with their live replies
 * (oldest first) inside. A deleted root stays as a placeholder while it has live replies.
 */
export async function listComments(
  db: Database,
  actor: Actor,
  itemId: string,
  page: { limit: number; cursor?: string },
): Promise<CommentPage> {
  const item = await liveItem(db, itemId);
  await accessRoadmap(db, actor, item.roadmapId, "team.read");
  const after = decodeCursor(page.cursor, timeCursorSchema);
  const reply = alias(comments, "reply");
  const liveReply = db
    .select({ one: sql`1` })
    .from(reply)
    .where(and(eq(reply.parentId, comments.id), isNull(reply.deletedAt)));
  const rootRows = await db
    .select({ row: comments, t: exactTime(comments.createdAt) })
    .from(comments)
    .where(
      and(
        eq(comments.roadmapId, item.roadmapId),
        eq(comments.itemId, itemId),
        isNull(comments.parentId),
        or(isNull(comments.deletedAt), exists(liveReply)),
        after && afterTimeCursor(comments.createdAt, comments.id, after, "asc"),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(page.limit + 1);
  const { rows, nextCursor } = paginate(rootRows, page.limit, (last) => ({ t: last.t, id: last.row.id }));
  const roots = rows.map((r) => r.row);
  const replies = roots.length
    ? await db
        .select()
        .from(comments)
        .where(
          and(
            eq(comments.itemId, itemId),
            inArray(
              comments.parentId,
              roots.map((r) => r.id),
            ),
            isNull(comments.deletedAt),
          ),
        )
        .orderBy(asc(comments.createdAt), asc(comments.id))
    : [];
  const presented = await presentComments(db, [...roots, ...replies]);
  const repliesOf = new Map<string, Comment[]>();
  for (const c of presented.slice(roots.length)) {
    const thread = repliesOf.get(c.parentId!) ?? [];
    thread.push(c);
    repliesOf.set(c.parentId!, thread);
  }
  const threads: CommentThread[] = presented
    .slice(0, roots.length)
    .map((root) => ({ ...root, replies: repliesOf.get(root.id) ?? [] }));
  const summary = (await loadFeedback(db, item.roadmapId, itemId)).get(itemId) ?? emptyFeedback();
  return { items: threads, nextCursor, summary };
}
