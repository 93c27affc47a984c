import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { comments } from "@/db/schema";
import { COMMENT_MAX_CHARS } from "@/lib/validation/collaboration";
import { api, etagVersion } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import {
  COMMENT_KEYS,
  deleteComment,
  listThreads,
  personOf,
  postComment,
  setUpCommentsSuite,
} from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";

describeEachDatabase("comments: threads, bodies and replies", (getCtx) => {
  const fx = setUpCommentsSuite(getCtx, "Comments");

  describe("creating and listing", () => {
    it("a commenter comments: 201 with the comment, its version as ETag, the author as a person", async () => {
      const item = await fx.newItem();
      const res = await api("POST /api/items/{itemId}/comments", {
        params: { itemId: item.id },
        token: fx.commenter.token,
        json: { body: "  Can we ship this before the freeze?  ", feasibility: "concerns" },
      });
      expect(res.status).toBe(201);
      const { comment } = res.json;
      expect(Object.keys(comment).sort()).toEqual(COMMENT_KEYS);
      expect(comment).toEqual({
        id: expect.any(String),
        roadmapId: fx.board.roadmap.id,
        itemId: item.id,
        parentId: null,
        author: personOf(fx.commenter),
        body: "Can we ship this before the freeze?",
        feasibility: "concerns",
        mentions: [],
        resolved: false,
        resolvedAt: null,
        resolvedBy: null,
        editedAt: null,
        deleted: false,
        createdAt: expect.any(String),
        version: 1,
      });
      expect(etagVersion(res)).toBe(1);
      const list = await listThreads(fx.commenter.token, item.id);
      expect(list.json).toEqual({
        items: [{ ...comment, replies: [] }],
        nextCursor: null,
        summary: { comments: 1, unresolved: 1, feasible: 0, concerns: 1, notFeasible: 0 },
      });
    });

    it("threads come oldest first with replies inside, oldest first; a reply to a reply joins the thread", async () => {
      const item = await fx.newItem();
      const first = await postComment(fx.commenter.token, item.id, { body: "First thread" });
      const second = await postComment(fx.other.token, item.id, { body: "Second thread" });
      const reply = await postComment(fx.other.token, item.id, { body: "Reply", parentId: first.id });
      const nested = await postComment(fx.editor.token, item.id, {
        body: "Reply to the reply",
        parentId: reply.id,
      });
      expect(nested.parentId).toBe(first.id);

      const res = await listThreads(fx.owner.token, item.id);
      expect(res.status).toBe(200);
      expect(res.json.items.map((t: { id: string }) => t.id)).toEqual([first.id, second.id]);
      expect(res.json.items[0].replies).toEqual([reply, nested]);
      expect(res.json.items[1].replies).toEqual([]);
      expect(res.json.summary).toEqual({
        comments: 4,
        unresolved: 2,
        feasible: 0,
        concerns: 0,
        notFeasible: 0,
      });
    });

    it("pages by thread with an opaque cursor; replies stay with their thread", async () => {
      const item = await fx.newItem();
      const roots = [];
      for (let i = 0; i < 5; i++)
        roots.push(await postComment(fx.commenter.token, item.id, { body: `Thread ${i}` }));
      const reply = await postComment(fx.other.token, item.id, {
        body: "On thread 2",
        parentId: roots[2].id,
      });

      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | undefined;
      do {
        const res = await listThreads(fx.commenter.token, item.id, { limit: "2", ...(cursor && { cursor }) });
        expect(res.status).toBe(200);
        sizes.push(res.json.items.length);
        for (const thread of res.json.items) {
          seen.push(thread.id);
          expect(thread.replies).toEqual(thread.id === roots[2].id ? [reply] : []);
        }
        expect(res.json.summary.comments).toBe(6);
        cursor = res.json.nextCursor ?? undefined;
      } while (cursor);
      expect(sizes).toEqual([2, 2, 1]);
      expect(seen).toEqual(roots.map((r) => r.id));
    });

    it("a cursor or limit that this API did not give out: 400 with details", async () => {
      const item = await fx.newItem();
      for (const query of [
        { cursor: "not-a-cursor" },
        { cursor: Buffer.from('{"t":1}').toString("base64url") },
      ]) {
        expect(expectInvalidRequest(await listThreads(fx.commenter.token, item.id, query))).toEqual([
          "cursor",
        ]);
      }
      expect(expectInvalidRequest(await listThreads(fx.commenter.token, item.id, { limit: "0" }))).toEqual([
        "limit",
      ]);
      expect(expectInvalidRequest(await listThreads(fx.commenter.token, item.id, { limit: "201" }))).toEqual([
        "limit",
      ]);
    });

    it("a deleted thread with live replies stays as an empty placeholder; other deleted comments are left out", async () => {
      const item = await fx.newItem();
      const root = await postComment(fx.commenter.token, item.id, {
        body: "Secret plan",
        feasibility: "feasible",
      });
      const kept = await postComment(fx.other.token, item.id, { body: "Answer", parentId: root.id });
      const gone = await postComment(fx.other.token, item.id, { body: "Second answer", parentId: root.id });
      const lonely = await postComment(fx.commenter.token, item.id, { body: "Nobody answered" });
      for (const c of [root, gone, lonely]) {
        expect((await deleteComment(fx.editor.token, c.id, c.version)).status).toBe(200);
      }
      const res = await listThreads(fx.commenter.token, item.id);
      expect(res.json.items).toEqual([
        {
          ...root,
          body: "",
          feasibility: null,
          mentions: [],
          deleted: true,
          version: root.version + 1,
          replies: [kept],
        },
      ]);
      expect(res.text).not.toContain("Secret plan");
      expect(res.json.summary).toEqual({
        comments: 1,
        unresolved: 0,
        feasible: 0,
        concerns: 0,
        notFeasible: 0,
      });
    });

    it("the comments of a deleted item, or of no item: 404", async () => {
      const item = await fx.newItem();
      await postComment(fx.commenter.token, item.id, { body: "Before" });
      const del = await api("DELETE /api/items/{itemId}", {
        params: { itemId: item.id },
        token: fx.editor.token,
        ifMatch: item.version,
      });
      expect(del.status).toBe(200);
      expectApiError(await listThreads(fx.commenter.token, item.id), 404, "not_found");
      const before = await fx.state();
      expectApiError(
        await api("POST /api/items/{itemId}/comments", {
          params: { itemId: item.id },
          token: fx.commenter.token,
          json: { body: "After" },
        }),
        404,
        "not_found",
      );
      expect(await fx.state()).toEqual(before);
      expectApiError(await listThreads(fx.commenter.token, "not-an-id"), 404, "not_found");
      expectApiError(await listThreads(fx.commenter.token, crypto.randomUUID()), 404, "not_found");
    });
  });

  describe("what a body may hold", () => {
    const post = (json: unknown, itemId = fx.board.feature.id) =>
      api("POST /api/items/{itemId}/comments", { params: { itemId }, token: fx.commenter.token, json });

    it("an empty or whitespace body, or one over 10,000 characters: 400 with details, nothing written", async () => {
      const before = await fx.state();
      for (const body of ["", "   \n\t ", "x".repeat(20_000), "y".repeat(COMMENT_MAX_CHARS + 1)]) {
        expect(expectInvalidRequest(await post({ body }))).toEqual(["body"]);
      }
      expect(expectInvalidRequest(await post({ body: "ok", feasibility: "maybe" }))).toEqual(["feasibility"]);
      expect(expectInvalidRequest(await post({ body: "ok", html: "<b>x</b>" }))).toEqual([""]);
      expect(expectInvalidRequest(await post({ body: "ok", parentId: "nope" }))).toEqual(["parentId"]);
      expect(await fx.state()).toEqual(before);
      const longest = await post({ body: "z".repeat(COMMENT_MAX_CHARS) });
      expect(longest.status).toBe(201);
      expect(longest.json.comment.body).toHaveLength(COMMENT_MAX_CHARS);
    });

    it("script tags and javascript: links are stored and answered exactly as typed, as JSON text", async () => {
      const item = await fx.newItem();
      const body = [
        '<script>alert("owned")</script>',
        "[click me](javascript:alert(document.cookie))",
        '<img src=x onerror="alert(1)"> &lt;b&gt; & "quotes"',
      ].join("\n");
      const res = await post({ body }, item.id);
      expect(res.status).toBe(201);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(res.json.comment.body).toBe(body);
      expect(Object.keys(res.json.comment).sort()).toEqual(COMMENT_KEYS);
      const [stored] = await getCtx()
        .db.select({ body: comments.body })
        .from(comments)
        .where(eq(comments.id, res.json.comment.id));
      expect(stored.body).toBe(body);
      const list = await listThreads(fx.commenter.token, item.id);
      expect(list.headers.get("content-type")).toContain("application/json");
      expect(list.json.items[0].body).toBe(body);
      expect(Object.keys(list.json.items[0]).sort()).toEqual([...COMMENT_KEYS, "replies"].sort());
    });
  });

  describe("replies", () => {
    it("parentId must be a comment on the same item: 422 invalid_reference, nothing written", async () => {
      const elsewhere = await postComment(fx.commenter.token, fx.board.second.id, {
        body: "On another item",
      });
      const before = await fx.state();
      for (const parentId of [elsewhere.id, crypto.randomUUID()]) {
        const res = await api("POST /api/items/{itemId}/comments", {
          params: { itemId: fx.board.feature.id },
          token: fx.commenter.token,
          json: { body: "Reply", parentId },
        });
        expectApiError(res, 422, "invalid_reference");
        expect(res.json.error.details).toEqual([{ path: "parentId", message: expect.any(String) }]);
      }
      expect(await fx.state()).toEqual(before);
    });

    it("a reply to a deleted comment: 422 comment_deleted, nothing written", async () => {
      const item = await fx.newItem();
      const root = await postComment(fx.commenter.token, item.id, { body: "Root" });
      const reply = await postComment(fx.other.token, item.id, { body: "Reply", parentId: root.id });
      expect((await deleteComment(fx.other.token, reply.id, reply.version)).status).toBe(200);
      expect((await deleteComment(fx.commenter.token, root.id, root.version)).status).toBe(200);
      const before = await fx.state();
      for (const parentId of [root.id, reply.id]) {
        expectApiError(
          await api("POST /api/items/{itemId}/comments", {
            params: { itemId: item.id },
            token: fx.editor.token,
            json: { body: "Too late", parentId },
          }),
          422,
          "comment_deleted",
        );
      }
      expect(await fx.state()).toEqual(before);
    });
  });
});
