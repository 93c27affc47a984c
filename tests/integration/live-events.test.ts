import { beforeAll, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/roadmaps/[roadmapId]/events/route";
import * as presenceRoute from "@/app/api/roadmaps/[roadmapId]/presence/route";
import { createComment } from "@/lib/services/comments/create";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { updateWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Team } from "@/lib/validation/teams";
import { callHandler, type CallOptions } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { openEventStream } from "../helpers/event-streams";
import { SseReader } from "../helpers/sse";
import { createBoardFixture, featureInput, type BoardFixture } from "../helpers/timeline";

const EVENTS = "/api/roadmaps/{roadmapId}/events";
const PRESENCE = "/api/roadmaps/{roadmapId}/presence";

/** Opens the roadmap's event stream as `who`, as a browser's EventSource would. */
const openStream = (roadmapId: string, who: TestUser, headers: Record<string, string> = {}) =>
  openEventStream(roadmapId, who.token, headers);

describeEachDatabase("live events", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let team: Team;
  let board: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, viewer, outsider] = await Promise.all(
      ["owner", "editor", "viewer", "outsider"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: viewer, role: "viewer" },
    ]);
    await createTeamWithMembers(db, outsider);
    board = await createBoardFixture(db, owner.actor, team.id);
  });

  it("answers 401 without identity and 404 to a member of another team, before streaming", async () => {
    const options: CallOptions = { params: { roadmapId: board.roadmap.id } };
    expectApiError(await callHandler(eventsRoute.GET, "GET", EVENTS, options), 401, "unauthenticated");
    expectApiError(
      await callHandler(eventsRoute.GET, "GET", EVENTS, { ...options, token: outsider.token }),
      404,
      "not_found",
    );
    expectApiError(
      await callHandler(eventsRoute.GET, "GET", EVENTS, { ...options, query: { lastEventId: "x" } }),
      401,
      "unauthenticated",
    );
    expectApiError(
      await callHandler(eventsRoute.GET, "GET", EVENTS, {
        ...options,
        token: viewer.token,
        query: { lastEventId: "-3" },
      }),
      400,
      "invalid_request",
    );
  });

  it("streams with the headers proxies and Next need, and every committed change reaches a viewer", async () => {
    const { db } = getCtx();
    const { reader, hello } = await openStream(board.roadmap.id, viewer);
    try {
      expect(reader.response.headers.get("content-type")).toContain("text/event-stream");
      expect(reader.response.headers.get("cache-control")).toBe("no-cache, no-transform");
      expect(hello.connectionId).toMatch(/^[0-9a-f-]{36}$/);

      const started = Date.now();
      const item = await createItem(
        db,
        editor.actor,
        board.roadmap.id,
        featureInput("Live", "2027-02-01", "2027-02-05"),
      );
      const created = await reader.waitFor((d) => d.type === "created" && d.id === item.id);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(created.data).toEqual({
        type: "created",
        entity: "item",
        id: item.id,
        version: 1,
        actorId: editor.user.id,
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        seq: hello.seq + 1,
        roadmapId: board.roadmap.id,
        itemId: item.id,
        // The item travels with its event, so that pages need no GET.
        item: { ...item, updatedAt: expect.any(String) },
      });
      expect(created.id).toBe(String(hello.seq + 1));

      await updateItem(db, editor.actor, item.id, 1, { title: "Live, renamed" });
      const updated = await reader.waitFor((d) => d.type === "updated" && d.id === item.id);
      expect(updated.data).toMatchObject({ entity: "item", version: 2, seq: hello.seq + 2 });
      expect(updated.data.item).toMatchObject({ id: item.id, version: 2, title: "Live, renamed" });

      // A refused write (stale version) publishes nothing: its transaction rolled back.
      await expect(updateItem(db, editor.actor, item.id, 1, { title: "stale" })).rejects.toMatchObject({
        code: "version_mismatch",
      });
      await updateWorkstream(db, editor.actor, board.lane.id, board.lane.version, {
        name: "Platform, renamed",
      });
      await reader.waitFor((d) => d.entity === "workstream");
      const changes = reader.events.filter((e) => e.id !== undefined).map((e) => Number(e.id));
      expect(changes).toEqual([hello.seq + 1, hello.seq + 2, hello.seq + 3]);
    } finally {
      reader.close();
    }
  });

  it("a comment is a change of the roadmap, and a mention tells the mentioned person's open page", async () => {
    const { db } = getCtx();
    const watching = await openStream(board.roadmap.id, viewer);
    const editorStream = await openStream(board.roadmap.id, editor);
    try {
      const comment = await createComment(db, owner.actor, board.milestone.id, {
        body: `@${viewer.user.email} can we make this date?`,
      });
      const event = await watching.reader.waitFor((d) => d.entity === "comment");
      expect(event.data).toMatchObject({ type: "created", id: comment.id, itemId: board.milestone.id });
      await watching.reader.waitFor((d) => d.type === "notification");
      // Only the mentioned person hears of the notification.
      await editorStream.reader.waitFor((d) => d.entity === "comment");
      expect(editorStream.reader.ofType("notification")).toHaveLength(0);
    } finally {
      watching.reader.close();
      editorStream.reader.close();
    }
  });

  it("a page that reconnects with Last-Event-ID gets exactly what it missed, in order", async () => {
    const { db } = getCtx();
    const first = await openStream(board.roadmap.id, viewer);
    first.reader.close();
    const made: { id: string }[] = [];
    for (const title of ["Missed A", "Missed B", "Missed C"]) {
      made.push(
        await createItem(db, editor.actor, board.roadmap.id, featureInput(title, "2027-02-01", "2027-02-02")),
      );
    }
    const again = await openStream(board.roadmap.id, viewer, { "last-event-id": String(first.hello.seq) });
    try {
      await again.reader.waitFor((d) => d.id === made[2].id);
      const replayed = again.reader.events.filter((e) => e.data.type === "created");
      expect(replayed.map((e) => e.data.id)).toEqual(made.map((m) => m.id));
      expect(replayed.map((e) => Number(e.id))).toEqual([1, 2, 3].map((n) => first.hello.seq + n));

      // Live events follow the replay without a gap or a repeat.
      const next = await createItem(
        db,
        editor.actor,
        board.roadmap.id,
        featureInput("After", "2027-02-01", "2027-02-02"),
      );
      await again.reader.waitFor((d) => d.id === next.id);
      const ids = again.reader.events.filter((e) => e.id).map((e) => Number(e.id));
      expect(ids).toEqual([1, 2, 3, 4].map((n) => first.hello.seq + n));
    } finally {
      again.reader.close();
    }
  });

  it("a page too far behind is told to refetch rather than replayed", async () => {
    const { db } = getCtx();
    const { reader } = await openStream(board.roadmap.id, viewer, { "last-event-id": "0" });
    reader.close();
    const big = await createBoardFixture(db, owner.actor, team.id, { title: "Busy" });
    const item = big.feature;
    let version = item.version;
    for (let i = 0; i < 501; i++) {
      version = (await updateItem(db, owner.actor, item.id, version, { title: `Busy ${i}` })).version;
    }
    const stream = await openStream(big.roadmap.id, viewer, { "last-event-id": "1" });
    try {
      const reset = await stream.reader.waitFor((d) => d.type === "reset");
      expect(reset.data.seq).toBe(stream.hello.seq);
      expect(stream.reader.ofType("updated")).toHaveLength(0);
    } finally {
      stream.reader.close();
    }
  }, 60_000);

  // Retried: under the full suite's load on PGlite, the "left" presence event twice failed to arrive
  // within 10 s. The likely cause, a request abort signal collected before it fired, is fixed (the
  // stream holds the signal; the reader also cancels the body); a broken leave still fails all three.
  it(
    "presence: who has the roadmap open and what they edit, gone as soon as they leave",
    { retry: 2 },
    async () => {
      const a = await openStream(board.roadmap.id, editor);
      const b = await openStream(board.roadmap.id, viewer);
      try {
        const both = (d: { type: string; users?: { userId: string }[] }) =>
          d.type === "presence" &&
          d.users!.some((u) => u.userId === editor.user.id) &&
          d.users!.some((u) => u.userId === viewer.user.id);
        await b.reader.waitFor(both);
        await a.reader.waitFor(both);

        const params = { roadmapId: board.roadmap.id };
        const put = (who: TestUser, connectionId: string, itemId: string | null) =>
          callHandler(presenceRoute.PUT, "PUT", PRESENCE, {
            params,
            token: who.token,
            json: { connectionId, itemId },
          });
        expect((await put(editor, a.hello.connectionId, board.feature.id)).status).toBe(200);
        await b.reader.waitFor(
          (d) =>
            d.type === "presence" &&
            d.users.some(
              (u: { userId: string; itemId: string | null }) =>
                u.userId === editor.user.id && u.itemId === board.feature.id,
            ),
        );
        // Nobody can speak for another page's connection.
        expectApiError(await put(viewer, a.hello.connectionId, null), 404, "not_found");
        expectApiError(
          await callHandler(presenceRoute.PUT, "PUT", PRESENCE, {
            params,
            token: viewer.token,
            json: { connectionId: "nope", itemId: null },
          }),
          400,
          "invalid_request",
        );
        const listed = await callHandler(presenceRoute.GET, "GET", PRESENCE, { params, token: viewer.token });
        expect(listed.json.items.map((p: { user: { id: string } }) => p.user.id).sort()).toEqual(
          [editor.user.id, viewer.user.id].sort(),
        );

        const from = b.reader.events.length;
        const left = Date.now();
        a.reader.close();
        await b.reader.waitFor(
          (d) =>
            d.type === "presence" && !d.users.some((u: { userId: string }) => u.userId === editor.user.id),
          // Generous: the whole suite loads this 2-core machine; a lost message would still fail
          // (the next heartbeat is 15 s away).
          10_000,
          from,
        );
        expect(Date.now() - left).toBeLessThan(5_000);
      } finally {
        a.reader.close();
        b.reader.close();
      }
    },
  );
});

describe("SseReader", () => {
  it("fails when no event matches in time, so the tests above can fail", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('data: {"type":"hello"}\n\n'));
      },
    });
    const reader = new SseReader(new Response(body));
    await expect(reader.waitFor((d) => d.type === "never", 100)).rejects.toThrow(/No matching event/);
    reader.close();
  });
});
