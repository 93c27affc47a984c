import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { roadmapEventsResponse } from "@/lib/server/live/events-response";
import { publishRevocation } from "@/lib/services/kernel/live-events";
import type { Actor } from "@/lib/services/kernel/actor";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { removeMember } from "@/lib/services/teams/members";
import { deleteRoadmap } from "@/lib/services/roadmaps/delete";
import { deleteTeam } from "@/lib/services/teams/teams";
import { createToken, revokeToken } from "@/lib/services/accounts/tokens";
import type { Team } from "@/lib/validation/teams";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import {
  openEventStream,
  openStreamAs,
  requestEventStream,
  waitUntilStreamsReleased,
} from "../helpers/event-streams";
import { SseReader } from "../helpers/sse";
import { createBoardFixture, featureInput, type BoardFixture } from "../helpers/timeline";

// Item reads can be slowed down, to revoke a stream while a change's item is on its way to it.
const itemReads = vi.hoisted(() => ({ delayMs: 0 }));
vi.mock("@/lib/services/items/rows", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/services/items/rows")>();
  return {
    ...original,
    loadItem: async (...args: Parameters<typeof original.loadItem>) => {
      if (itemReads.delayMs) await new Promise((r) => setTimeout(r, itemReads.delayMs));
      return original.loadItem(...args);
    },
  };
});

// A heartbeat far away: whatever closes a stream in these tests is the revocation message itself.
vi.stubEnv("CAIRN_SSE_HEARTBEAT_MS", "60000");
afterAll(() => vi.unstubAllEnvs());
/** Well under a heartbeat: a revoked stream must be gone this soon. */
const AT_ONCE_MS = 3_000;

const opened: SseReader[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDatabase("live streams: a revoked identity is cut off at once", (getCtx) => {
  let owner: TestUser;
  let viewer: TestUser;
  let team: Team;
  let board: BoardFixture;

  /** A stream of the viewer's that stays open: revocations of other identities leave it alone. */
  async function open(roadmapId: string, token: string) {
    const stream = await openEventStream(roadmapId, token);
    opened.push(stream.reader);
    return stream;
  }

  /** A stream opened by a session (cookie) actor at a given session version. */
  async function openAsSession(actor: Actor, roadmap: { id: string; teamId: string }) {
    const reader = await openStreamAs(getCtx().handle, actor, roadmap);
    opened.push(reader);
    return reader;
  }

  async function newToken(who: TestUser) {
    const { token, secret } = await createToken(getCtx().db, who.actor, { name: "stream" });
    return { id: token.id, secret };
  }

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, viewer] = await Promise.all(["owner", "viewer"].map((label) => createUser(db, label)));
    team = await createTeamWithMembers(db, owner, [{ member: viewer, role: "viewer" }]);
    board = await createBoardFixture(db, owner.actor, team.id);
  });

  afterEach(async () => {
    itemReads.delayMs = 0;
    for (const reader of opened.splice(0)) reader.close();
    await waitUntilStreamsReleased(getCtx().handle);
  });

  it("a revoked token's stream receives nothing after the revocation (no item, no event) and closes", async () => {
    const { db } = getCtx();
    const token = await newToken(viewer);
    const { reader } = await open(board.roadmap.id, token.secret);
    const other = await open(board.roadmap.id, viewer.token);

    const before = await createItem(
      db,
      owner.actor,
      board.roadmap.id,
      featureInput("Seen", "2027-02-01", "2027-02-02"),
    );
    const seen = await reader.waitFor((d) => d.type === "created" && d.id === before.id);
    expect(seen.data.item.title).toBe("Seen"); // item contents travel with the event
    await reader.waitFor((d) => d.type === "presence" && d.users.length === 2);
    await sleep(100); // nothing else on its way
    const received = reader.events.length;

    await revokeToken(db, viewer.actor, token.id);
    const after = await createItem(
      db,
      owner.actor,
      board.roadmap.id,
      featureInput("Secret", "2027-02-01", "2027-02-02"),
    );
    await reader.waitForEnd(AT_ONCE_MS);
    await other.reader.waitFor((d) => d.type === "created" && d.id === after.id);
    expect(reader.events.length).toBe(received);
    expect(JSON.stringify(reader.events)).not.toContain("Secret");
    // The viewer's other token was not revoked: its stream carries on.
    expect(other.reader.ended).toBe(false);
  });

  it("a stream whose token was revoked before it was listening sends nothing, not even its hello", async () => {
    const { db, handle } = getCtx();
    const token = await newToken(viewer);
    // As if the route had authenticated the token just before it was revoked: the revocation's
    // message reached no stream of it yet, so the stream checks once it listens.
    await revokeToken(db, viewer.actor, token.id);
    const actor: Actor = { ...viewer.actor, via: "token", tokenId: token.id };
    const req = new Request(`http://localhost/api/roadmaps/${board.roadmap.id}/events`);
    const reader = new SseReader(await roadmapEventsResponse(req, handle, actor, board.roadmap, undefined));
    opened.push(reader);
    await reader.waitForEnd(AT_ONCE_MS);
    expect(reader.events).toEqual([]);
  });

  it("a change already on its way (its item still being read) is not sent once the revocation is known", async () => {
    const { db } = getCtx();
    const token = await newToken(viewer);
    const { reader } = await open(board.roadmap.id, token.secret);
    const item = await createItem(
      db,
      owner.actor,
      board.roadmap.id,
      featureInput("Slow", "2027-02-01", "2027-02-02"),
    );
    await reader.waitFor((d) => d.type === "created" && d.id === item.id);

    itemReads.delayMs = 500;
    // Committed before the revocation: the stream has taken it in and is reading its item.
    await updateItem(db, owner.actor, item.id, item.version, { title: "Renamed while revoking" });
    await revokeToken(db, viewer.actor, token.id);
    await reader.waitForEnd(AT_ONCE_MS);
    await sleep(700); // past the slow read: had it been sent, it would be here
    expect(reader.ofType("updated")).toHaveLength(0);
    expect(JSON.stringify(reader.events)).not.toContain("Renamed while revoking");
  });

  it("what is queued for a slow reader is discarded, not delivered, when its token is revoked", async () => {
    const { db } = getCtx();
    const token = await newToken(viewer);
    const watcher = await open(board.roadmap.id, viewer.token);
    const { res } = await requestEventStream(board.roadmap.id, token.secret);
    expect(res.status).toBe(200);
    // This client reads nothing at all: everything sent to it waits in the stream's queue.
    const made: { id: string }[] = [];
    for (const title of ["Queued A", "Queued B"]) {
      made.push(
        await createItem(db, owner.actor, board.roadmap.id, featureInput(title, "2027-02-01", "2027-02-02")),
      );
    }
    await watcher.reader.waitFor((d) => d.type === "created" && d.id === made[1].id);
    await revokeToken(db, viewer.actor, token.id);
    await sleep(200);
    const body = res.body!.getReader();
    let text = "";
    try {
      for (;;) {
        const { done, value } = await body.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch (error) {
      expect((error as Error).name).toBe("AbortError");
    }
    expect(text).not.toContain("Queued");
  });

  it("an ended session's streams close at once; a current session and the account's tokens keep theirs", async () => {
    const { db } = getCtx();
    const session = (sessionVersion: number): Actor => ({ ...viewer.actor, via: "session", sessionVersion });
    const [{ version }] = await db
      .select({ version: users.sessionVersion })
      .from(users)
      .where(eq(users.id, viewer.user.id));
    const old = await openAsSession(session(version), board.roadmap);
    const byToken = await open(board.roadmap.id, viewer.token);

    // "Sign out everywhere": the version goes up, and every instance hears of it at commit.
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ sessionVersion: version + 1 })
        .where(eq(users.id, viewer.user.id));
      await publishRevocation(tx, viewer.user.id, { sessionVersion: version + 1 });
    });
    await old.waitForEnd(AT_ONCE_MS);
    const current = await openAsSession(session(version + 1), board.roadmap);
    const after = await createItem(
      db,
      owner.actor,
      board.roadmap.id,
      featureInput("After", "2027-02-01", "2027-02-02"),
    );
    await current.waitFor((d) => d.id === after.id);
    await byToken.reader.waitFor((d) => d.id === after.id);
    expect(old.ofType("created").some((e) => e.id === after.id)).toBe(false);
  });

  it("a removed member's streams of that team close at once; their other teams' streams do not", async () => {
    const { db } = getCtx();
    const member = await createUser(db, "member");
    const elsewhere = await createTeamWithMembers(db, owner, [{ member, role: "editor" }]);
    const otherBoard = await createBoardFixture(db, owner.actor, elsewhere.id, { title: "Elsewhere" });
    const shared = await createTeamWithMembers(db, owner, [{ member, role: "viewer" }]);
    const sharedBoard = await createBoardFixture(db, owner.actor, shared.id, { title: "Shared" });
    const removed = await open(sharedBoard.roadmap.id, member.token);
    const kept = await open(otherBoard.roadmap.id, member.token);

    await removeMember(db, owner.actor, shared.id, member.user.id);
    const after = await createItem(
      db,
      owner.actor,
      sharedBoard.roadmap.id,
      featureInput("Members only", "2027-02-01", "2027-02-02"),
    );
    await removed.reader.waitForEnd(AT_ONCE_MS);
    expect(JSON.stringify(removed.reader.events)).not.toContain(after.id);
    expect(kept.reader.ended).toBe(false);
    // Reconnecting is refused: the roadmap is no longer theirs to see.
    expect((await requestEventStream(sharedBoard.roadmap.id, member.token)).res.status).toBe(404);
  });

  it("a deleted roadmap sends its deletion, then closes its streams; other roadmaps' streams stay", async () => {
    const { db } = getCtx();
    const doomed = await createBoardFixture(db, owner.actor, team.id, { title: "Doomed" });
    const watching = await open(doomed.roadmap.id, viewer.token);
    const owners = await open(doomed.roadmap.id, owner.token);
    const elsewhere = await open(board.roadmap.id, viewer.token);

    await deleteRoadmap(db, owner.actor, doomed.roadmap.id, doomed.roadmap.version);
    for (const { reader } of [watching, owners]) {
      await reader.waitForEnd(AT_ONCE_MS);
      expect(reader.ofType("deleted")).toEqual([
        expect.objectContaining({ entity: "roadmap", id: doomed.roadmap.id }),
      ]);
    }
    expect(elsewhere.reader.ended).toBe(false);
    expect((await requestEventStream(doomed.roadmap.id, viewer.token)).res.status).toBe(404);
  });

  it("a deleted team closes every member's streams of its roadmaps", async () => {
    const { db } = getCtx();
    const member = await createUser(db, "member");
    const doomed = await createTeamWithMembers(db, owner, [{ member, role: "viewer" }]);
    const doomedBoard = await createBoardFixture(db, owner.actor, doomed.id, { title: "Team going" });
    const streams = [
      await open(doomedBoard.roadmap.id, member.token),
      await open(doomedBoard.roadmap.id, owner.token),
    ];
    const elsewhere = await open(board.roadmap.id, owner.token);
    await deleteTeam(db, owner.actor, doomed.id, doomed.version);
    for (const { reader } of streams) await reader.waitForEnd(AT_ONCE_MS);
    expect(elsewhere.reader.ended).toBe(false);
  });
});
