import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { comments } from "@/db/schema";
import type { Team } from "@/lib/validation/teams";
import { api, etagVersion } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import {
  collaborationState,
  createCommentsFixture,
  deleteComment,
  patchComment,
  personOf,
  postComment,
  resolveComment,
  type CommentsFixture,
} from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import type { TestUser } from "../helpers/fixtures";
import { roadmapActivity, timelineState, type BoardFixture } from "../helpers/timeline";

describeEachDatabase("comments: editing, deleting, restoring, resolving", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let commenter: TestUser;
  let other: TestUser;
  let team: Team;
  let fx: BoardFixture;
  let newItem: CommentsFixture["newItem"];

  beforeAll(async () => {
    ({
      owner,
      editor,
      commenter,
      other,
      team,
      board: fx,
      newItem,
    } = await createCommentsFixture(getCtx().db, "Comment writes"));
  });

  const person = personOf;
  const state = () => collaborationState(getCtx().db, fx.roadmap.id);
  const resolve = resolveComment;

  describe("editing", () => {
    it("the author edits the body (marked edited) or the verdict alone (not marked); each bumps the version", async () => {
      const item = await newItem();
      const c = await postComment(commenter.token, item.id, { body: "Looks fine", feasibility: "feasible" });
      const verdict = await patchComment(commenter.token, c.id, c.version, { feasibility: "not_feasible" });
      expect(verdict.status).toBe(200);
      expect(verdict.json.comment).toMatchObject({ feasibility: "not_feasible", editedAt: null, version: 2 });
      expect(etagVersion(verdict)).toBe(2);

      const edited = await patchComment(commenter.token, c.id, 2, { body: "  Looks risky  " });
      expect(edited.status).toBe(200);
      expect(edited.json.comment).toMatchObject({
        body: "Looks risky",
        feasibility: "not_feasible",
        version: 3,
      });
      expect(Date.parse(edited.json.comment.editedAt)).not.toBeNaN();

      const cleared = await patchComment(commenter.token, c.id, 3, { feasibility: null });
      expect(cleared.json.comment).toMatchObject({ feasibility: null, version: 4 });

      const log = (await roadmapActivity(getCtx().db, fx.roadmap.id)).filter((r) => r.entityId === c.id);
      expect(log.map((r) => r.action)).toEqual(["created", "updated", "updated", "updated"]);
      expect(log[1].changes).toEqual({ feasibility: { from: "feasible", to: "not_feasible" }, version: 2 });
      expect(log[2].changes).toEqual({ body: { from: "Looks fine", to: "Looks risky" }, version: 3 });
    });

    it("sending what is already there changes nothing", async () => {
      const c = await postComment(commenter.token, fx.second.id, { body: "Same", feasibility: "feasible" });
      const before = await state();
      const res = await patchComment(commenter.token, c.id, c.version, {
        body: "Same",
        feasibility: "feasible",
      });
      expect(res.status).toBe(200);
      expect(res.json.comment).toEqual(c);
      expect(await state()).toEqual(before);
    });

    it("only the author edits: owners, editors and other commenters get 403 and nothing changes", async () => {
      const c = await postComment(commenter.token, fx.feature.id, { body: "Mine" });
      const before = await state();
      for (const who of [owner, editor, other]) {
        expectApiError(await patchComment(who.token, c.id, c.version, { body: "Theirs" }), 403, "forbidden");
      }
      expect(await state()).toEqual(before);
    });

    it("without If-Match: 428; with a stale one: 412 with the comment as it is now; nothing changes", async () => {
      const c = await postComment(commenter.token, fx.feature.id, { body: "Version one" });
      const moved = await patchComment(commenter.token, c.id, c.version, { body: "Version two" });
      expect(moved.status).toBe(200);
      const before = await state();
      expectApiError(
        await patchComment(commenter.token, c.id, undefined, { body: "x" }),
        428,
        "precondition_required",
      );
      const stale = await patchComment(commenter.token, c.id, c.version, { body: "Version three" });
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toEqual(moved.json.comment);
      expect(etagVersion(stale)).toBe(moved.json.comment.version);
      expectApiError(await deleteComment(commenter.token, c.id), 428, "precondition_required");
      const staleDelete = await deleteComment(commenter.token, c.id, c.version);
      expectApiError(staleDelete, 412, "version_mismatch");
      expect(staleDelete.json.current).toEqual(moved.json.comment);
      expect(expectInvalidRequest(await patchComment(commenter.token, c.id, 2, {}))).toEqual([""]);
      expect(await state()).toEqual(before);
    });

    it("two edits with the same If-Match: exactly one wins, the other gets 412", async () => {
      const c = await postComment(commenter.token, fx.feature.id, { body: "Race" });
      const results = await Promise.all(
        ["Left", "Right"].map((body) => patchComment(commenter.token, c.id, c.version, { body })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200)!.json.comment;
      const loser = results.find((r) => r.status === 412)!;
      expect(loser.json.current).toEqual(winner);
    });

    it("a deleted comment cannot be edited (422 comment_deleted)", async () => {
      const c = await postComment(commenter.token, fx.feature.id, { body: "Soon gone" });
      const del = await deleteComment(commenter.token, c.id, c.version);
      const before = await state();
      expectApiError(
        await patchComment(commenter.token, c.id, del.json.comment.version, { body: "Back?" }),
        422,
        "comment_deleted",
      );
      expect(await state()).toEqual(before);
    });
  });

  describe("deleting and restoring", () => {
    it("the author or an editor deletes; the answer and the log keep no more than an excerpt", async () => {
      const long = `${"Confidential detail ".repeat(30)}THE END`;
      const mine = await postComment(commenter.token, fx.second.id, { body: long });
      const theirs = await postComment(other.token, fx.second.id, { body: "By other" });
      const own = await deleteComment(commenter.token, mine.id, mine.version);
      expect(own.status).toBe(200);
      expect(own.json.comment).toMatchObject({ deleted: true, body: "", version: mine.version + 1 });
      expect(own.text).not.toContain("Confidential");
      const byEditor = await deleteComment(editor.token, theirs.id, theirs.version);
      expect(byEditor.status).toBe(200);
      const log = (await roadmapActivity(getCtx().db, fx.roadmap.id)).filter((r) => r.entityId === mine.id);
      expect(log.map((r) => r.action)).toEqual(["created", "deleted"]);
      for (const row of log) expect(JSON.stringify(row.changes)).not.toContain("THE END");
    });

    it("another commenter may not delete or restore someone else's comment (403)", async () => {
      const c = await postComment(commenter.token, fx.second.id, { body: "Keep" });
      const before = await state();
      expectApiError(await deleteComment(other.token, c.id, c.version), 403, "forbidden");
      expect(await state()).toEqual(before);
      await deleteComment(commenter.token, c.id, c.version);
      const deleted = await state();
      expectApiError(
        await api("POST /api/comments/{commentId}/restore", {
          params: { commentId: c.id },
          token: other.token,
        }),
        403,
        "forbidden",
      );
      expect(await state()).toEqual(deleted);
    });

    it("restores within 30 days, with its body; later: 404 and nothing changes", async () => {
      const { db } = getCtx();
      const c = await postComment(commenter.token, fx.second.id, {
        body: "Restorable",
        feasibility: "feasible",
      });
      await deleteComment(commenter.token, c.id, c.version);
      const restored = await api("POST /api/comments/{commentId}/restore", {
        params: { commentId: c.id },
        token: editor.token,
      });
      expect(restored.status).toBe(200);
      expect(restored.json.comment).toEqual({ ...c, version: c.version + 2 });

      await deleteComment(commenter.token, c.id, c.version + 2);
      await db
        .update(comments)
        .set({ deletedAt: sql`now() - interval '31 days'` })
        .where(eq(comments.id, c.id));
      const before = await state();
      expectApiError(
        await api("POST /api/comments/{commentId}/restore", {
          params: { commentId: c.id },
          token: commenter.token,
        }),
        404,
        "not_found",
      );
      expect(await state()).toEqual(before);
    });
  });

  describe("resolving", () => {
    it("an editor resolves a thread and reopens it; asking twice changes nothing", async () => {
      const root = await postComment(commenter.token, fx.milestone.id, { body: "Open question" });
      const resolved = await resolve(editor.token, root.id);
      expect(resolved.status).toBe(200);
      expect(resolved.json.comment).toMatchObject({
        resolved: true,
        resolvedBy: person(editor),
        version: root.version + 1,
      });
      expect(etagVersion(resolved)).toBe(root.version + 1);

      const before = await state();
      const again = await resolve(owner.token, root.id, { resolved: true });
      expect(again.json.comment).toEqual(resolved.json.comment);
      expect(await state()).toEqual(before);

      const reopened = await resolve(owner.token, root.id, { resolved: false }, root.version + 1);
      expect(reopened.status).toBe(200);
      expect(reopened.json.comment).toMatchObject({ resolved: false, resolvedAt: null, resolvedBy: null });
      const log = (await roadmapActivity(getCtx().db, fx.roadmap.id)).filter((r) => r.entityId === root.id);
      expect(log.map((r) => r.action)).toEqual(["created", "resolved", "reopened"]);
    });

    it("a reply: 422 not_thread_root; a deleted thread: 422 comment_deleted; a stale If-Match: 412", async () => {
      const root = await postComment(commenter.token, fx.milestone.id, { body: "Root" });
      const reply = await postComment(other.token, fx.milestone.id, { body: "Reply", parentId: root.id });
      const gone = await postComment(other.token, fx.milestone.id, { body: "Gone" });
      await deleteComment(other.token, gone.id, gone.version);
      const before = await state();
      const notRoot = await resolve(editor.token, reply.id);
      expectApiError(notRoot, 422, "not_thread_root");
      expect(notRoot.json.error.details).toEqual({ rootId: root.id });
      expectApiError(await resolve(editor.token, gone.id), 422, "comment_deleted");
      const stale = await resolve(editor.token, root.id, undefined, root.version + 3);
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toEqual(root);
      expect(expectInvalidRequest(await resolve(editor.token, root.id, { resolved: "yes" }))).toEqual([
        "resolved",
      ]);
      expect(await state()).toEqual(before);
    });
  });

  it("every comment write is one activity row with the next seq, the item it concerns and the actor", async () => {
    const { db } = getCtx();
    const item = await newItem("Logged");
    const start = (await state()).seq;
    const c = await postComment(commenter.token, item.id, {
      body: "Logged comment",
      feasibility: "concerns",
    });
    await patchComment(commenter.token, c.id, 1, { body: "Logged, edited" });
    await resolve(editor.token, c.id);
    await deleteComment(editor.token, c.id, 3);
    await api("POST /api/comments/{commentId}/restore", {
      params: { commentId: c.id },
      token: commenter.token,
    });
    const rows = (await roadmapActivity(db, fx.roadmap.id)).filter((r) => (r.seq ?? 0) > start);
    expect(rows.map((r) => [r.seq, r.entity, r.entityId, r.action, r.actorId])).toEqual([
      [start + 1, "comment", c.id, "created", commenter.user.id],
      [start + 2, "comment", c.id, "updated", commenter.user.id],
      [start + 3, "comment", c.id, "resolved", editor.user.id],
      [start + 4, "comment", c.id, "deleted", editor.user.id],
      [start + 5, "comment", c.id, "restored", commenter.user.id],
    ]);
    expect(rows[0].changes).toEqual({
      parentId: null,
      feasibility: "concerns",
      excerpt: "Logged comment",
      version: 1,
    });
    const log = await api("GET /api/roadmaps/{roadmapId}/activity", {
      params: { roadmapId: fx.roadmap.id },
      token: commenter.token,
      query: { itemId: item.id },
    });
    expect(log.json.items.map((e: { itemId: string }) => e.itemId)).toEqual(Array(6).fill(item.id));
  });

  it("a commenter may comment but not change an item (403, nothing changes)", async () => {
    const everything = async () => ({
      timeline: await timelineState(getCtx().db, team.id),
      ...(await state()),
    });
    const before = await everything();
    const res = await api("PATCH /api/items/{itemId}", {
      params: { itemId: fx.feature.id },
      token: commenter.token,
      ifMatch: fx.feature.version,
      json: { title: "Commenter's title" },
    });
    expectApiError(res, 403, "forbidden");
    expect(await everything()).toEqual(before);
  });
});
