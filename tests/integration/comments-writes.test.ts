import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { comments } from "@/db/schema";
import { api, etagVersion } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import {
  deleteComment,
  patchComment,
  personOf,
  postComment,
  resolveComment,
  restoreComment,
  setUpCommentsSuite,
} from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import { roadmapActivity, timelineState } from "../helpers/timeline";

describeEachDatabase("comments: editing, deleting, restoring, resolving", (getCtx) => {
  const fx = setUpCommentsSuite(getCtx, "Comment writes");

  describe("editing", () => {
    it("the author edits the body (marked edited) or the verdict alone (not marked); each bumps the version", async () => {
      const item = await fx.newItem();
      const c = await postComment(fx.commenter.token, item.id, {
        body: "Looks fine",
        feasibility: "feasible",
      });
      const verdict = await patchComment(fx.commenter.token, c.id, c.version, {
        feasibility: "not_feasible",
      });
      expect(verdict.status).toBe(200);
      expect(verdict.json.comment).toMatchObject({ feasibility: "not_feasible", editedAt: null, version: 2 });
      expect(etagVersion(verdict)).toBe(2);

      const edited = await patchComment(fx.commenter.token, c.id, 2, { body: "  Looks risky  " });
      expect(edited.status).toBe(200);
      expect(edited.json.comment).toMatchObject({
        body: "Looks risky",
        feasibility: "not_feasible",
        version: 3,
      });
      expect(Date.parse(edited.json.comment.editedAt)).not.toBeNaN();

      const cleared = await patchComment(fx.commenter.token, c.id, 3, { feasibility: null });
      expect(cleared.json.comment).toMatchObject({ feasibility: null, version: 4 });

      const log = (await roadmapActivity(getCtx().db, fx.board.roadmap.id)).filter(
        (r) => r.entityId === c.id,
      );
      expect(log.map((r) => r.action)).toEqual(["created", "updated", "updated", "updated"]);
      expect(log[1].changes).toEqual({ feasibility: { from: "feasible", to: "not_feasible" }, version: 2 });
      expect(log[2].changes).toEqual({ body: { from: "Looks fine", to: "Looks risky" }, version: 3 });
    });

    it("sending what is already there changes nothing", async () => {
      const c = await postComment(fx.commenter.token, fx.board.second.id, {
        body: "Same",
        feasibility: "feasible",
      });
      const before = await fx.state();
      const res = await patchComment(fx.commenter.token, c.id, c.version, {
        body: "Same",
        feasibility: "feasible",
      });
      expect(res.status).toBe(200);
      expect(res.json.comment).toEqual(c);
      expect(await fx.state()).toEqual(before);
    });

    it("only the author edits: owners, editors and other commenters get 403 and nothing changes", async () => {
      const c = await postComment(fx.commenter.token, fx.board.feature.id, { body: "Mine" });
      const before = await fx.state();
      for (const who of [fx.owner, fx.editor, fx.other]) {
        expectApiError(await patchComment(who.token, c.id, c.version, { body: "Theirs" }), 403, "forbidden");
      }
      expect(await fx.state()).toEqual(before);
    });

    it("without If-Match: 428; with a stale one: 412 with the comment as it is now; nothing changes", async () => {
      const c = await postComment(fx.commenter.token, fx.board.feature.id, { body: "Version one" });
      const moved = await patchComment(fx.commenter.token, c.id, c.version, { body: "Version two" });
      expect(moved.status).toBe(200);
      const before = await fx.state();
      expectApiError(
        await patchComment(fx.commenter.token, c.id, undefined, { body: "x" }),
        428,
        "precondition_required",
      );
      const stale = await patchComment(fx.commenter.token, c.id, c.version, { body: "Version three" });
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toEqual(moved.json.comment);
      expect(etagVersion(stale)).toBe(moved.json.comment.version);
      expectApiError(await deleteComment(fx.commenter.token, c.id), 428, "precondition_required");
      const staleDelete = await deleteComment(fx.commenter.token, c.id, c.version);
      expectApiError(staleDelete, 412, "version_mismatch");
      expect(staleDelete.json.current).toEqual(moved.json.comment);
      expect(expectInvalidRequest(await patchComment(fx.commenter.token, c.id, 2, {}))).toEqual([""]);
      expect(await fx.state()).toEqual(before);
    });

    it("two edits with the same If-Match: exactly one wins, the other gets 412", async () => {
      const c = await postComment(fx.commenter.token, fx.board.feature.id, { body: "Race" });
      const results = await Promise.all(
        ["Left", "Right"].map((body) => patchComment(fx.commenter.token, c.id, c.version, { body })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200)!.json.comment;
      const loser = results.find((r) => r.status === 412)!;
      expect(loser.json.current).toEqual(winner);
    });

    it("a deleted comment cannot be edited (422 comment_deleted)", async () => {
      const c = await postComment(fx.commenter.token, fx.board.feature.id, { body: "Soon gone" });
      const del = await deleteComment(fx.commenter.token, c.id, c.version);
      const before = await fx.state();
      expectApiError(
        await patchComment(fx.commenter.token, c.id, del.json.comment.version, { body: "Back?" }),
        422,
        "comment_deleted",
      );
      expect(await fx.state()).toEqual(before);
    });
  });

  describe("deleting and restoring", () => {
    it("the author or an editor deletes; the answer and the log keep no more than an excerpt", async () => {
      const long = `${"Confidential detail ".repeat(30)}THE END`;
      const mine = await postComment(fx.commenter.token, fx.board.second.id, { body: long });
      const theirs = await postComment(fx.other.token, fx.board.second.id, { body: "By other" });
      const own = await deleteComment(fx.commenter.token, mine.id, mine.version);
      expect(own.status).toBe(200);
      expect(own.json.comment).toMatchObject({ deleted: true, body: "", version: mine.version + 1 });
      expect(own.text).not.toContain("Confidential");
      const byEditor = await deleteComment(fx.editor.token, theirs.id, theirs.version);
      expect(byEditor.status).toBe(200);
      const log = (await roadmapActivity(getCtx().db, fx.board.roadmap.id)).filter(
        (r) => r.entityId === mine.id,
      );
      expect(log.map((r) => r.action)).toEqual(["created", "deleted"]);
      for (const row of log) expect(JSON.stringify(row.changes)).not.toContain("THE END");
    });

    it("another commenter may not delete or restore someone else's comment (403)", async () => {
      const c = await postComment(fx.commenter.token, fx.board.second.id, { body: "Keep" });
      const before = await fx.state();
      expectApiError(await deleteComment(fx.other.token, c.id, c.version), 403, "forbidden");
      expect(await fx.state()).toEqual(before);
      await deleteComment(fx.commenter.token, c.id, c.version);
      const deleted = await fx.state();
      expectApiError(await restoreComment(fx.other.token, c.id), 403, "forbidden");
      expect(await fx.state()).toEqual(deleted);
    });

    it("restores within 30 days, with its body; later: 404 and nothing changes", async () => {
      const { db } = getCtx();
      const c = await postComment(fx.commenter.token, fx.board.second.id, {
        body: "Restorable",
        feasibility: "feasible",
      });
      await deleteComment(fx.commenter.token, c.id, c.version);
      const restored = await restoreComment(fx.editor.token, c.id);
      expect(restored.status).toBe(200);
      expect(restored.json.comment).toEqual({ ...c, version: c.version + 2 });

      await deleteComment(fx.commenter.token, c.id, c.version + 2);
      await db
        .update(comments)
        .set({ deletedAt: sql`now() - interval '31 days'` })
        .where(eq(comments.id, c.id));
      const before = await fx.state();
      expectApiError(await restoreComment(fx.commenter.token, c.id), 404, "not_found");
      expect(await fx.state()).toEqual(before);
    });
  });

  describe("resolving", () => {
    it("an editor resolves a thread and reopens it; asking twice changes nothing", async () => {
      const root = await postComment(fx.commenter.token, fx.board.milestone.id, { body: "Open question" });
      const resolved = await resolveComment(fx.editor.token, root.id);
      expect(resolved.status).toBe(200);
      expect(resolved.json.comment).toMatchObject({
        resolved: true,
        resolvedBy: personOf(fx.editor),
        version: root.version + 1,
      });
      expect(etagVersion(resolved)).toBe(root.version + 1);

      const before = await fx.state();
      const again = await resolveComment(fx.owner.token, root.id, { resolved: true });
      expect(again.json.comment).toEqual(resolved.json.comment);
      expect(await fx.state()).toEqual(before);

      const reopened = await resolveComment(fx.owner.token, root.id, { resolved: false }, root.version + 1);
      expect(reopened.status).toBe(200);
      expect(reopened.json.comment).toMatchObject({ resolved: false, resolvedAt: null, resolvedBy: null });
      const log = (await roadmapActivity(getCtx().db, fx.board.roadmap.id)).filter(
        (r) => r.entityId === root.id,
      );
      expect(log.map((r) => r.action)).toEqual(["created", "resolved", "reopened"]);
    });

    it("a reply: 422 not_thread_root; a deleted thread: 422 comment_deleted; a stale If-Match: 412", async () => {
      const root = await postComment(fx.commenter.token, fx.board.milestone.id, { body: "Root" });
      const reply = await postComment(fx.other.token, fx.board.milestone.id, {
        body: "Reply",
        parentId: root.id,
      });
      const gone = await postComment(fx.other.token, fx.board.milestone.id, { body: "Gone" });
      await deleteComment(fx.other.token, gone.id, gone.version);
      const before = await fx.state();
      const notRoot = await resolveComment(fx.editor.token, reply.id);
      expectApiError(notRoot, 422, "not_thread_root");
      expect(notRoot.json.error.details).toEqual({ rootId: root.id });
      expectApiError(await resolveComment(fx.editor.token, gone.id), 422, "comment_deleted");
      const stale = await resolveComment(fx.editor.token, root.id, undefined, root.version + 3);
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toEqual(root);
      expect(
        expectInvalidRequest(await resolveComment(fx.editor.token, root.id, { resolved: "yes" })),
      ).toEqual(["resolved"]);
      expect(await fx.state()).toEqual(before);
    });
  });

  it("every comment write is one activity row with the next seq, the item it concerns and the actor", async () => {
    const { db } = getCtx();
    const item = await fx.newItem("Logged");
    const start = (await fx.state()).seq;
    const c = await postComment(fx.commenter.token, item.id, {
      body: "Logged comment",
      feasibility: "concerns",
    });
    await patchComment(fx.commenter.token, c.id, 1, { body: "Logged, edited" });
    await resolveComment(fx.editor.token, c.id);
    await deleteComment(fx.editor.token, c.id, 3);
    await restoreComment(fx.commenter.token, c.id);
    const rows = (await roadmapActivity(db, fx.board.roadmap.id)).filter((r) => (r.seq ?? 0) > start);
    expect(rows.map((r) => [r.seq, r.entity, r.entityId, r.action, r.actorId])).toEqual([
      [start + 1, "comment", c.id, "created", fx.commenter.user.id],
      [start + 2, "comment", c.id, "updated", fx.commenter.user.id],
      [start + 3, "comment", c.id, "resolved", fx.editor.user.id],
      [start + 4, "comment", c.id, "deleted", fx.editor.user.id],
      [start + 5, "comment", c.id, "restored", fx.commenter.user.id],
    ]);
    expect(rows[0].changes).toEqual({
      parentId: null,
      feasibility: "concerns",
      excerpt: "Logged comment",
      version: 1,
    });
    const log = await api("GET /api/roadmaps/{roadmapId}/activity", {
      params: { roadmapId: fx.board.roadmap.id },
      token: fx.commenter.token,
      query: { itemId: item.id },
    });
    expect(log.json.items.map((e: { itemId: string }) => e.itemId)).toEqual(Array(6).fill(item.id));
  });

  it("a commenter may comment but not change an item (403, nothing changes)", async () => {
    const everything = async () => ({
      timeline: await timelineState(getCtx().db, fx.team.id),
      ...(await fx.state()),
    });
    const before = await everything();
    const res = await api("PATCH /api/items/{itemId}", {
      params: { itemId: fx.board.feature.id },
      token: fx.commenter.token,
      ifMatch: fx.board.feature.version,
      json: { title: "Commenter's title" },
    });
    expectApiError(res, 403, "forbidden");
    expect(await everything()).toEqual(before);
  });
});
