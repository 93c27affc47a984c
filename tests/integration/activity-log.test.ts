import { beforeAll, expect, it } from "vitest";
import type { Team } from "@/lib/validation/teams";
import { api } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { postComment } from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { createBoardFixture, roadmapActivity, type BoardFixture } from "../helpers/timeline";

describeEachDatabase("the activity log", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let commenter: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let team: Team;
  let fx: BoardFixture;
  let other: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, commenter, viewer, outsider] = await Promise.all(
      ["owner", "editor", "commenter", "viewer", "outsider"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: commenter, role: "commenter" },
      { member: viewer, role: "viewer" },
    ]);
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Logged" });
    other = await createBoardFixture(db, owner.actor, team.id, { title: "Elsewhere" });
    // Some history on the feature: an edit, a comment thread and a resolution.
    const patched = await api("PATCH /api/items/{itemId}", {
      params: { itemId: fx.feature.id },
      token: editor.token,
      ifMatch: fx.feature.version,
      json: { title: "Logged feature" },
    });
    expect(patched.status).toBe(200);
    const root = await postComment(commenter.token, fx.feature.id, { body: "Why this date?" });
    await postComment(editor.token, fx.feature.id, { body: "Because of the launch", parentId: root.id });
    await api("POST /api/comments/{commentId}/resolve", {
      params: { commentId: root.id },
      token: editor.token,
    });
    await postComment(commenter.token, fx.second.id, { body: "Elsewhere on the board" });
  });

  const activity = (
    token: string | undefined,
    query: Record<string, string> = {},
    roadmapId = fx.roadmap.id,
  ) => api("GET /api/roadmaps/{roadmapId}/activity", { params: { roadmapId }, token, query });

  /** Walks every page and answers the entries in the order served, and the page sizes. */
  const walk = async (query: Record<string, string>) => {
    const entries = [];
    const sizes = [];
    let cursor: string | undefined;
    do {
      const res = await activity(viewer.token, { ...query, ...(cursor && { cursor }) });
      expect(res.status).toBe(200);
      entries.push(...res.json.items);
      sizes.push(res.json.items.length);
      cursor = res.json.nextCursor ?? undefined;
    } while (cursor);
    return { entries, sizes };
  };

  it("members read it, newest first, with who did it as a person; outsiders get 404, anonymous 401", async () => {
    const rows = await roadmapActivity(getCtx().db, fx.roadmap.id);
    for (const who of [owner, editor, commenter, viewer]) {
      const res = await activity(who.token);
      expect(res.status).toBe(200);
      expect(res.json.nextCursor).toBeNull();
      expect(res.json.items.map((e: { seq: number }) => e.seq)).toEqual(rows.map((r) => r.seq).reverse());
    }
    const [latest] = (await activity(viewer.token)).json.items;
    expect(latest).toEqual({
      id: expect.any(String),
      seq: rows.at(-1)!.seq,
      at: expect.any(String),
      actor: { id: commenter.user.id, name: commenter.user.name, email: commenter.user.email },
      entity: "comment",
      entityId: rows.at(-1)!.entityId,
      itemId: fx.second.id,
      action: "created",
      changes: { parentId: null, feasibility: null, excerpt: "Elsewhere on the board", version: 1 },
    });
    expectApiError(await activity(outsider.token), 404, "not_found");
    expectApiError(await activity(undefined), 401, "unauthenticated");
  });

  it("pages by cursor without gaps or repeats, and holds only this roadmap's changes", async () => {
    const all = (await activity(viewer.token)).json.items;
    const { entries, sizes } = await walk({ limit: "3" });
    expect(entries).toEqual(all);
    expect(sizes.slice(0, -1).every((n) => n === 3)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(all.length);
    const otherIds = new Set(
      (await activity(viewer.token, {}, other.roadmap.id)).json.items.map((e: { id: string }) => e.id),
    );
    expect(all.some((e: { id: string }) => otherIds.has(e.id))).toBe(false);
  });

  it("itemId narrows to one item and its comments", async () => {
    const { entries, sizes } = await walk({ itemId: fx.feature.id, limit: "2" });
    expect(sizes).toEqual([2, 2, 1]);
    expect(entries.map((e: { entity: string; action: string }) => [e.entity, e.action])).toEqual([
      ["comment", "resolved"],
      ["comment", "created"],
      ["comment", "created"],
      ["item", "updated"],
      ["item", "created"],
    ]);
    expect(entries.every((e: { itemId: string }) => e.itemId === fx.feature.id)).toBe(true);
    expect(entries[3].changes).toEqual({
      title: { from: "Fixture feature", to: "Logged feature" },
      version: fx.feature.version + 1,
    });
  });

  it("entity narrows to one kind of thing, paged like the rest", async () => {
    const { entries, sizes } = await walk({ entity: "comment", limit: "2" });
    expect(sizes).toEqual([2, 2]);
    expect(entries.map((e: { entity: string; action: string }) => [e.entity, e.action])).toEqual([
      ["comment", "created"],
      ["comment", "resolved"],
      ["comment", "created"],
      ["comment", "created"],
    ]);
    const lanes = await walk({ entity: "workstream" });
    expect(lanes.entries.every((e: { entity: string }) => e.entity === "workstream")).toBe(true);
    expect(lanes.entries.length).toBeGreaterThan(0);
  });

  it("a cursor it did not give out, or an itemId that is no id: 400", async () => {
    expect(expectInvalidRequest(await activity(viewer.token, { cursor: "eyJzZXEiOiJ4In0" }))).toEqual([
      "cursor",
    ]);
    expect(expectInvalidRequest(await activity(viewer.token, { itemId: "feature" }))).toEqual(["itemId"]);
    expect(expectInvalidRequest(await activity(viewer.token, { entity: "team" }))).toEqual(["entity"]);
  });
});
