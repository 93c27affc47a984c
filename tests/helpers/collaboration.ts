import { asc, eq } from "drizzle-orm";
import { beforeAll } from "vitest";
import { activity, comments, notifications, roadmaps } from "@/db/schema";
import type { Database } from "@/db/types";
import type { CreateCommentInput } from "@/lib/validation/collaboration";
import type { Team } from "@/lib/validation/teams";
import { api, type ApiResponse, type LooseJson } from "./api";
import { createTeamWithMembers, createUser, type TestUser } from "./fixtures";
import { createBoardFixture, featureInput, type BoardFixture } from "./timeline";

/** Posts a comment through the API and answers the created comment (fails loudly otherwise). */
export async function postComment(
  token: string,
  itemId: string,
  json: CreateCommentInput,
): Promise<LooseJson> {
  const res = await api("POST /api/items/{itemId}/comments", { params: { itemId }, token, json });
  if (res.status !== 201) throw new Error(`Commenting failed: ${res.status} ${res.text}`);
  return res.json.comment;
}

export function listThreads(
  token: string,
  itemId: string,
  query: Record<string, string> = {},
): Promise<ApiResponse> {
  return api("GET /api/items/{itemId}/comments", { params: { itemId }, token, query });
}

export function listNotifications(token: string, query: Record<string, string> = {}): Promise<ApiResponse> {
  return api("GET /api/notifications", { token, query });
}

/**
 * Everything the collaboration routes can change for a roadmap, straight from the tables (deleted
 * comments and read notifications included), for before/after comparisons.
 */
export async function collaborationState(db: Database, roadmapId: string) {
  const [roadmap] = await db.select({ seq: roadmaps.seq }).from(roadmaps).where(eq(roadmaps.id, roadmapId));
  return {
    seq: roadmap.seq,
    comments: await db
      .select()
      .from(comments)
      .where(eq(comments.roadmapId, roadmapId))
      .orderBy(asc(comments.id)),
    notifications: await db
      .select()
      .from(notifications)
      .where(eq(notifications.roadmapId, roadmapId))
      .orderBy(asc(notifications.id)),
    activity: (
      await db
        .select({ id: activity.id })
        .from(activity)
        .where(eq(activity.roadmapId, roadmapId))
        .orderBy(asc(activity.id))
    ).map((a) => a.id),
  };
}

/** The notifications one user has about one roadmap, oldest first, from the table. */
export async function notificationsOf(db: Database, userId: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}

export const personOf = (u: TestUser) => ({ id: u.user.id, name: u.user.name, email: u.user.email });

/** The keys of a comment in every answer: no rendered HTML or anything else beside them. */
export const COMMENT_KEYS = [
  "author",
  "body",
  "createdAt",
  "deleted",
  "editedAt",
  "feasibility",
  "id",
  "itemId",
  "mentions",
  "parentId",
  "resolved",
  "resolvedAt",
  "resolvedBy",
  "roadmapId",
  "version",
];

export const patchComment = (token: string, commentId: string, ifMatch: number | undefined, json: unknown) =>
  api("PATCH /api/comments/{commentId}", { params: { commentId }, token, ifMatch, json });

export const deleteComment = (token: string, commentId: string, ifMatch?: number) =>
  api("DELETE /api/comments/{commentId}", { params: { commentId }, token, ifMatch });

export const restoreComment = (token: string, commentId: string) =>
  api("POST /api/comments/{commentId}/restore", { params: { commentId }, token });

export const resolveComment = (token: string, commentId: string, json?: unknown, ifMatch?: number) =>
  api("POST /api/comments/{commentId}/resolve", { params: { commentId }, token, json, ifMatch });

/** Two commenters, an editor and the owner in a team with a board: the cast of the comment tests. */
export interface CommentsFixture {
  owner: TestUser;
  editor: TestUser;
  commenter: TestUser;
  /** A second commenter, whose comments are "someone else's". */
  other: TestUser;
  team: Team;
  board: BoardFixture;
  /** A fresh feature on the board (made by the editor), so that a test's threads are its own. */
  newItem(title?: string): Promise<{ id: string; version: number }>;
}

export async function createCommentsFixture(db: Database, title: string): Promise<CommentsFixture> {
  const [owner, editor, commenter, other] = await Promise.all(
    ["owner", "editor", "commenter", "other"].map((label) => createUser(db, label)),
  );
  const team = await createTeamWithMembers(db, owner, [
    { member: editor, role: "editor" },
    { member: commenter, role: "commenter" },
    { member: other, role: "commenter" },
  ]);
  const board = await createBoardFixture(db, owner.actor, team.id, { title });
  const newItem = async (itemTitle = "Discussed") => {
    const res = await api("POST /api/roadmaps/{roadmapId}/items", {
      params: { roadmapId: board.roadmap.id },
      token: editor.token,
      json: featureInput(itemTitle, "2027-05-03", "2027-05-14"),
    });
    if (res.status !== 201) throw new Error(`Creating an item failed: ${res.status} ${res.text}`);
    return res.json.item as { id: string; version: number };
  };
  return { owner, editor, commenter, other, team, board, newItem };
}

/** The comment tests' cast, and the roadmap's collaboration tables as they are now (`state()`). */
export interface CommentsSuite extends CommentsFixture {
  state(): ReturnType<typeof collaborationState>;
}

/**
 * Sets up the comment tests' cast in a beforeAll of the calling suite (a describeEachDatabase one)
 * and answers it: its fields are there inside hooks and tests.
 */
export function setUpCommentsSuite(getCtx: () => { db: Database }, title: string): CommentsSuite {
  const suite = {
    state: () => collaborationState(getCtx().db, suite.board.roadmap.id),
  } as CommentsSuite;
  beforeAll(async () => {
    Object.assign(suite, await createCommentsFixture(getCtx().db, title));
  });
  return suite;
}
