import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { memberships, notifications } from "@/db/schema";
import { excerptOf } from "@/lib/collaboration/excerpt";
import { LiveHub } from "@/lib/server/live/hub";
import { userTopic, type LiveMessage } from "@/lib/services/kernel/live-events";
import { createItem } from "@/lib/services/items/create";
import type { Team } from "@/lib/validation/teams";
import { api } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import {
  collaborationState,
  listNotifications,
  notificationsOf,
  postComment,
} from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { createBoardFixture, featureInput, type BoardFixture } from "../helpers/timeline";

describeEachDatabase("notifications: mentions, replies, item changes", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let editor2: TestUser;
  let priya: TestUser;
  let omar: TestUser;
  let vera: TestUser;
  let outsider: TestUser;
  let team: Team;
  let fx: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    const make = (label: string, name: string) => createUser(db, label, { name });
    [owner, editor, editor2, priya, omar, vera, outsider] = await Promise.all([
      make("owner", "Olga Owner"),
      make("editor", "Eddie Editor"),
      make("editor2", "Erin Editor"),
      make("priya", "Priya Shah"),
      make("omar", "Omar Idrissi"),
      make("vera", "Vera Viewer"),
      make("outsider", "Otto Outsider"),
    ]);
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: editor2, role: "editor" },
      { member: priya, role: "commenter" },
      { member: omar, role: "commenter" },
      { member: vera, role: "viewer" },
    ]);
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Notified roadmap" });
  });

  const person = (u: TestUser) => ({ id: u.user.id, name: u.user.name, email: u.user.email });
  const state = () => collaborationState(getCtx().db, fx.roadmap.id);
  /** (kind, commentId) of a user's notifications about comments, oldest first. */
  const received = async (u: TestUser, commentIds?: string[]) =>
    (await notificationsOf(getCtx().db, u.user.id))
      .filter((n) => !commentIds || (n.commentId !== null && commentIds.includes(n.commentId)))
      .map((n) => [n.kind, n.commentId]);
  const newItem = (title: string, ownerId: string | null = null) =>
    createItem(
      getCtx().db,
      owner.actor,
      fx.roadmap.id,
      featureInput(title, "2027-06-07", "2027-06-18", { ownerId }),
    );
  const patchItem = (who: TestUser, item: { id: string; version: number }, json: unknown) =>
    api("PATCH /api/items/{itemId}", {
      params: { itemId: item.id },
      token: who.token,
      ifMatch: item.version,
      json,
    });

  describe("mentions", () => {
    it("@handle and @email mentions notify each member once, never the author; code and bare addresses do not", async () => {
      const item = await newItem("Mentioned");
      const body = [
        `@PriyaShah and @${vera.user.email.toUpperCase()}, please look. @OmarIdrissi wrote this.`,
        `Not \`@${editor.user.email}\`, and not ${editor2.user.email}. Again: @priyashah`,
      ].join("\n");
      const comment = await postComment(omar.token, item.id, { body });
      expect(comment.mentions).toEqual([person(priya), person(vera), person(omar)]);
      expect(await received(priya, [comment.id])).toEqual([["mention", comment.id]]);
      expect(await received(vera, [comment.id])).toEqual([["mention", comment.id]]);
      for (const u of [omar, editor, editor2, owner]) expect(await received(u, [comment.id])).toEqual([]);

      const res = await listNotifications(vera.token);
      expect(res.status).toBe(200);
      expect(res.json.unreadCount).toBe(1);
      expect(res.json.nextCursor).toBeNull();
      expect(res.json.items).toEqual([
        {
          id: expect.any(String),
          kind: "mention",
          read: false,
          createdAt: expect.any(String),
          actor: person(omar),
          teamId: team.id,
          roadmapId: fx.roadmap.id,
          roadmapTitle: "Notified roadmap",
          itemId: item.id,
          itemTitle: "Mentioned",
          commentId: comment.id,
          excerpt: excerptOf(body),
          fields: [],
        },
      ]);
    });

    it("an @email that is no member's: 422 invalid_mention naming it; no comment, no notification", async () => {
      const item = await newItem("Guarded");
      const before = await state();
      for (const [email, expected] of [
        ["nobody@elsewhere.test", ["nobody@elsewhere.test"]],
        [outsider.user.email, [outsider.user.email]],
      ] as const) {
        const res = await api("POST /api/items/{itemId}/comments", {
          params: { itemId: item.id },
          token: priya.token,
          json: { body: `@OmarIdrissi and @${email}, thoughts?` },
        });
        expectApiError(res, 422, "invalid_mention");
        expect(res.json.error.details).toEqual({ mentions: expected });
      }
      expect(await state()).toEqual(before);

      const c = await postComment(priya.token, item.id, { body: "Fine" });
      const afterPost = await state();
      const edit = await api("PATCH /api/comments/{commentId}", {
        params: { commentId: c.id },
        token: priya.token,
        ifMatch: c.version,
        json: { body: "@ghost@elsewhere.test and @OmarIdrissi" },
      });
      expectApiError(edit, 422, "invalid_mention");
      expect(await state()).toEqual(afterPost);
    });

    it("a handle that matches nobody stays plain text", async () => {
      const item = await newItem("Plain");
      const c = await postComment(priya.token, item.id, { body: "@NoSuchPerson @here thanks" });
      expect(c.mentions).toEqual([]);
      expect(
        (await collaborationState(getCtx().db, fx.roadmap.id)).notifications.filter(
          (n) => n.commentId === c.id,
        ),
      ).toEqual([]);
    });

    it("an edit notifies only the members it newly mentions", async () => {
      const item = await newItem("Edited mentions");
      const c = await postComment(omar.token, item.id, { body: "@PriyaShah first" });
      const edit = await api("PATCH /api/comments/{commentId}", {
        params: { commentId: c.id },
        token: omar.token,
        ifMatch: c.version,
        json: { body: "@PriyaShah first, and @VeraViewer too" },
      });
      expect(edit.status).toBe(200);
      expect(edit.json.comment.mentions).toEqual([person(priya), person(vera)]);
      expect(await received(priya, [c.id])).toEqual([["mention", c.id]]);
      expect(await received(vera, [c.id])).toEqual([["mention", c.id]]);
      const notice = (await notificationsOf(getCtx().db, vera.user.id)).find((n) => n.commentId === c.id);
      expect(notice?.data).toEqual({ excerpt: "@PriyaShah first, and @VeraViewer too" });
    });
  });

  describe("replies", () => {
    it("the thread's author and the parent's author hear of a reply; the replier and the mentioned do not twice", async () => {
      const item = await newItem("Replied");
      const root = await postComment(priya.token, item.id, { body: "Root by Priya" });
      const r1 = await postComment(omar.token, item.id, { body: "Omar answers", parentId: root.id });
      const r2 = await postComment(editor.token, item.id, { body: "Eddie answers Omar", parentId: r1.id });
      const r3 = await postComment(priya.token, item.id, {
        body: "Priya answers herself",
        parentId: root.id,
      });
      const r4 = await postComment(omar.token, item.id, { body: "@PriyaShah see above", parentId: root.id });
      const ids = [root.id, r1.id, r2.id, r3.id, r4.id];

      expect(await received(priya, ids)).toEqual([
        ["reply", r1.id],
        ["reply", r2.id],
        ["mention", r4.id],
      ]);
      expect(await received(omar, ids)).toEqual([["reply", r2.id]]);
      expect(await received(editor, ids)).toEqual([]);
      const [reply] = (await listNotifications(omar.token)).json.items.filter(
        (n: { commentId: string }) => n.commentId === r2.id,
      );
      expect(reply).toMatchObject({ kind: "reply", actor: person(editor), excerpt: "Eddie answers Omar" });
    });

    it("a deleted comment's words leave the notification too", async () => {
      const item = await newItem("Retracted");
      const c = await postComment(omar.token, item.id, { body: "@PriyaShah something I regret" });
      await api("DELETE /api/comments/{commentId}", {
        params: { commentId: c.id },
        token: omar.token,
        ifMatch: c.version,
      });
      const res = await listNotifications(priya.token);
      const notice = res.json.items.find((n: { commentId: string }) => n.commentId === c.id);
      expect(notice).toMatchObject({ kind: "mention", excerpt: null });
      expect(res.text).not.toContain("regret");
    });

    it("each recipient's open pages hear once, at commit; the author's do not", async () => {
      const hub = new LiveHub(getCtx().handle);
      const heard: string[] = [];
      const users = [priya, omar, editor];
      await hub.subscribe(
        users.map((u) => userTopic(u.user.id)),
        { onMessage: (m: LiveMessage) => heard.push(m.topic), onResync: () => {} },
      );
      try {
        const item = await newItem("Live");
        const root = await postComment(priya.token, item.id, { body: "Root" });
        await postComment(editor.token, item.id, { body: "@OmarIdrissi @PriyaShah", parentId: root.id });
        await vi.waitFor(() => expect(heard).toHaveLength(2));
        await new Promise((r) => setTimeout(r, 150));
        expect(heard.sort()).toEqual([userTopic(priya.user.id), userTopic(omar.user.id)].sort());
      } finally {
        await hub.close();
      }
    });
  });

  describe("item changes", () => {
    it("tell the item's owner which fields changed, coalescing one person's changes for an hour while unread", async () => {
      const { db } = getCtx();
      let item = await newItem("Owned by Vera", vera.user.id);
      const bump = async (who: TestUser, json: unknown) => {
        const res = await patchItem(who, item, json);
        expect(res.status).toBe(200);
        item = res.json.item;
      };
      const mine = async () => (await notificationsOf(db, vera.user.id)).filter((n) => n.itemId === item.id);

      await bump(editor, { title: "Renamed" });
      const [first] = await mine();
      expect(first).toMatchObject({
        kind: "item_changed",
        actorId: editor.user.id,
        data: { fields: ["title"] },
      });

      // Half an hour later, the same person changes it again: the notice is updated and comes back up.
      await db
        .update(notifications)
        .set({ createdAt: sql`now() - interval '30 minutes'` })
        .where(eq(notifications.id, first.id));
      await bump(editor, { status: "in_progress", title: "Renamed again" });
      const merged = await mine();
      expect(merged).toHaveLength(1);
      expect(merged[0].id).toBe(first.id);
      // Moving to in progress also fills in the actual start (#18): a field that changed too.
      expect(merged[0].data).toEqual({ fields: ["title", "status", "actualStart"] });
      expect(Date.now() - merged[0].createdAt.getTime()).toBeLessThan(5 * 60_000);

      await bump(editor2, { isKey: true });
      expect((await mine()).map((n) => [n.actorId, n.data])).toEqual([
        [editor.user.id, { fields: ["title", "status", "actualStart"] }],
        [editor2.user.id, { fields: ["isKey"] }],
      ]);

      const listed = await listNotifications(vera.token);
      expect(listed.json.items.slice(0, 2)).toMatchObject([
        {
          kind: "item_changed",
          actor: person(editor2),
          itemTitle: "Renamed again",
          fields: ["isKey"],
          excerpt: null,
        },
        { kind: "item_changed", actor: person(editor), fields: ["title", "status", "actualStart"] },
      ]);

      // Read, or older than an hour: the next change is news again.
      const read = await api("POST /api/notifications/read", {
        token: vera.token,
        json: { ids: [first.id] },
      });
      expect(read.status).toBe(200);
      await bump(editor, { description: "Now with words" });
      await db
        .update(notifications)
        .set({ createdAt: sql`now() - interval '2 hours'` })
        .where(eq(notifications.actorId, editor2.user.id));
      await bump(editor2, { isKey: false });
      expect((await mine()).map((n) => [n.actorId, n.data, n.readAt !== null])).toEqual([
        [editor2.user.id, { fields: ["isKey"] }, false],
        [editor.user.id, { fields: ["title", "status", "actualStart"] }, true],
        [editor.user.id, { fields: ["description"] }, false],
        [editor2.user.id, { fields: ["isKey"] }, false],
      ]);
    });

    it("a change of owner tells both; the person who made the change and non-members hear nothing", async () => {
      const { db } = getCtx();
      let item = await newItem("Handed over", vera.user.id);
      const res = await patchItem(editor, item, { ownerId: priya.user.id });
      expect(res.status).toBe(200);
      item = res.json.item;
      for (const u of [vera, priya]) {
        expect(
          (await notificationsOf(db, u.user.id)).filter((n) => n.itemId === item.id).map((n) => n.data),
        ).toEqual([{ fields: ["ownerId"] }]);
      }

      const own = await patchItem(editor, item, { ownerId: editor.user.id });
      item = own.json.item;
      const before = await state();
      const self = await patchItem(editor, item, { title: "Edited by its owner" });
      expect(self.status).toBe(200);
      item = self.json.item;
      expect((await state()).notifications).toEqual(before.notifications);

      const departed = await createUser(db, "departed", { name: "Dee Parted" });
      await db.insert(memberships).values({ teamId: team.id, userId: departed.user.id, role: "viewer" });
      const handed = await patchItem(editor, item, { ownerId: departed.user.id });
      item = handed.json.item;
      await db
        .delete(memberships)
        .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, departed.user.id)));
      await patchItem(editor2, item, { title: "Nobody is told" });
      expect((await notificationsOf(db, departed.user.id)).map((n) => n.data)).toEqual([
        { fields: ["ownerId"] },
      ]);
    });

    it("deleting an item tells its owner", async () => {
      const item = await newItem("Doomed", omar.user.id);
      const res = await api("DELETE /api/items/{itemId}", {
        params: { itemId: item.id },
        token: editor.token,
        ifMatch: item.version,
      });
      expect(res.status).toBe(200);
      const notice = (await listNotifications(omar.token)).json.items.find(
        (n: { itemId: string }) => n.itemId === item.id,
      );
      expect(notice).toMatchObject({ kind: "item_changed", actor: person(editor), fields: ["deleted"] });
    });

    it("a refused item change tells nobody", async () => {
      const item = await newItem("Stale", vera.user.id);
      const before = await state();
      const res = await patchItem(editor, { id: item.id, version: item.version + 4 }, { title: "Stale" });
      expectApiError(res, 412, "version_mismatch");
      expect(await state()).toEqual(before);
    });
  });

  describe("reading", () => {
    /** A member of the team of their own, with `n` mentions waiting. */
    const memberWithMentions = async (label: string, n: number) => {
      const { db } = getCtx();
      const u = await createUser(db, label, { name: `${label} Reader` });
      await db.insert(memberships).values({ teamId: team.id, userId: u.user.id, role: "viewer" });
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const c = await postComment(omar.token, fx.second.id, { body: `@${u.user.email} number ${i}` });
        ids.push(c.id);
      }
      return { u, commentIds: ids };
    };

    it("newest first, a page at a time with an opaque cursor", async () => {
      const { u, commentIds } = await memberWithMentions("paged", 5);
      const seen: string[] = [];
      let cursor: string | undefined;
      const sizes: number[] = [];
      do {
        const res = await listNotifications(u.token, { limit: "2", ...(cursor && { cursor }) });
        expect(res.status).toBe(200);
        expect(res.json.unreadCount).toBe(5);
        sizes.push(res.json.items.length);
        seen.push(...res.json.items.map((n: { commentId: string }) => n.commentId));
        cursor = res.json.nextCursor ?? undefined;
      } while (cursor);
      expect(sizes).toEqual([2, 2, 1]);
      expect(seen).toEqual([...commentIds].reverse());
      expect(expectInvalidRequest(await listNotifications(u.token, { cursor: "garbage" }))).toEqual([
        "cursor",
      ]);
    });

    it("marks read by id (others' ids are ignored) or all, and answers the unread count", async () => {
      const { db } = getCtx();
      const { u } = await memberWithMentions("reader", 3);
      const other = await memberWithMentions("bystander", 1);
      const [a, b] = (await listNotifications(u.token)).json.items;
      const [theirs] = (await listNotifications(other.u.token)).json.items;

      const res = await api("POST /api/notifications/read", {
        token: u.token,
        json: { ids: [a.id, theirs.id] },
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ unreadCount: 2 });
      const [stillUnread] = await db.select().from(notifications).where(eq(notifications.id, theirs.id));
      expect(stillUnread.readAt).toBeNull();

      const unread = await listNotifications(u.token, { unread: "true" });
      expect(unread.json.items.map((n: { id: string }) => n.id)).not.toContain(a.id);
      expect(unread.json.items).toHaveLength(2);
      const all = await listNotifications(u.token);
      expect(all.json.items.find((n: { id: string }) => n.id === a.id).read).toBe(true);
      expect(all.json.items.find((n: { id: string }) => n.id === b.id).read).toBe(false);

      expect(
        (await api("POST /api/notifications/read", { token: u.token, json: { all: true } })).json,
      ).toEqual({
        unreadCount: 0,
      });
      expect((await listNotifications(other.u.token)).json.unreadCount).toBe(1);
    });

    it("a body that names neither ids nor all: 400; anonymous: 401", async () => {
      for (const json of [{}, { ids: [] }, { ids: ["nope"] }, { all: false }]) {
        expectInvalidRequest(await api("POST /api/notifications/read", { token: priya.token, json }));
      }
      expectApiError(
        await api("POST /api/notifications/read", { json: { all: true } }),
        401,
        "unauthenticated",
      );
      expectApiError(await api("GET /api/notifications"), 401, "unauthenticated");
    });

    it("someone who left the team no longer sees its notifications", async () => {
      const { db } = getCtx();
      const { u } = await memberWithMentions("leaver", 2);
      expect((await listNotifications(u.token)).json.unreadCount).toBe(2);
      await db
        .delete(memberships)
        .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, u.user.id)));
      const res = await listNotifications(u.token);
      expect(res.json).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    });
  });
});
