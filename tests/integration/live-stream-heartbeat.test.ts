import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { apiTokens, memberships, roadmaps, users } from "@/db/schema";
import { presenceRooms } from "@/lib/server/live/presence-rooms";
import type { Actor } from "@/lib/services/kernel/actor";
import { createToken } from "@/lib/services/accounts/tokens";
import type { Team } from "@/lib/validation/teams";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { recordQueries } from "../helpers/query-log";
import { openEventStream, openStreamAs, waitUntilStreamsReleased } from "../helpers/event-streams";
import { SseReader } from "../helpers/sse";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

/** Heartbeats are read when each is scheduled; every test sets its own before opening streams. */
const heartbeatEvery = (ms: number) => vi.stubEnv("CAIRN_SSE_HEARTBEAT_MS", String(ms));
afterAll(() => vi.unstubAllEnvs());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The validity check: the one statement that reads tokens and memberships for the open streams. */
const isValidityCheck = (text: string) => /"memberships"/.test(text) && /"api_tokens"/.test(text);

const opened: SseReader[] = [];

describeEachDatabase("live streams: the heartbeat", (getCtx) => {
  let owner: TestUser;
  let viewer: TestUser;
  let team: Team;
  let board: BoardFixture;
  let other: BoardFixture;

  async function open(roadmapId: string, token: string) {
    const stream = await openEventStream(roadmapId, token);
    opened.push(stream.reader);
    return stream.reader;
  }
  async function openAs(actor: Actor, roadmap: { id: string; teamId: string }) {
    const reader = await openStreamAs(getCtx().handle, actor, roadmap);
    opened.push(reader);
    return reader;
  }
  async function newToken(who: TestUser) {
    const { token, secret } = await createToken(getCtx().db, who.actor, { name: "stream" });
    return { id: token.id, secret };
  }
  const sessionVersion = async (userId: string) =>
    (await getCtx().db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)))[0].v;
  /** Waits until a page has heard of everyone in its room: presence refreshes are over. */
  const settled = (reader: SseReader, present: number) =>
    reader.waitFor((d) => d.type === "presence" && d.users.length === present, 10_000);

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, viewer] = await Promise.all(["owner", "viewer"].map((label) => createUser(db, label)));
    team = await createTeamWithMembers(db, owner, [{ member: viewer, role: "viewer" }]);
    board = await createBoardFixture(db, owner.actor, team.id);
    other = await createBoardFixture(db, owner.actor, team.id, { title: "Other" });
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    for (const reader of opened.splice(0)) reader.close();
    await waitUntilStreamsReleased(getCtx().handle);
  });

  it("closes within one heartbeat every stream whose identity ended without a word (expired, revoked, session, membership, roadmap)", async () => {
    const { db } = getCtx();
    const HEARTBEAT = 2_000;
    /** What one beat may take on a loaded machine: less than a heartbeat, so two would not pass. */
    const BEAT_TIME = 1_500;
    heartbeatEvery(HEARTBEAT);
    const member = await createUser(db, "member");
    await db.insert(memberships).values({ teamId: team.id, userId: member.user.id, role: "viewer" });
    const [expiring, revoking] = [await newToken(viewer), await newToken(viewer)];
    const version = await sessionVersion(owner.user.id);
    const doomed = await createBoardFixture(db, owner.actor, team.id, { title: "Doomed" });

    const expired = await open(board.roadmap.id, expiring.secret);
    const revoked = await open(board.roadmap.id, revoking.secret);
    const ended = await openAs({ ...owner.actor, via: "session", sessionVersion: version }, board.roadmap);
    const removed = await open(board.roadmap.id, member.token);
    const deleted = await open(doomed.roadmap.id, viewer.token);
    const kept = await open(other.roadmap.id, viewer.token);

    // Straight in the tables: no message tells any instance; only the heartbeat's check can notice.
    await db
      .update(apiTokens)
      .set({ expiresAt: sql`now()` })
      .where(eq(apiTokens.id, expiring.id));
    await db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiTokens.id, revoking.id));
    await db
      .update(users)
      .set({ sessionVersion: version + 1 })
      .where(eq(users.id, owner.user.id));
    await db
      .delete(memberships)
      .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, member.user.id)));
    await db
      .update(roadmaps)
      .set({ deletedAt: sql`now()` })
      .where(eq(roadmaps.id, doomed.roadmap.id));
    const changed = Date.now();

    const gone = [expired, revoked, ended, removed, deleted];
    // One heartbeat, plus the time the beat itself takes.
    await Promise.all(gone.map((reader) => reader.waitForEnd(HEARTBEAT + BEAT_TIME)));
    expect(Date.now() - changed).toBeLessThan(HEARTBEAT + BEAT_TIME);
    // The stream that is still entitled stays open through the next beat too.
    const pings = kept.pings;
    for (const deadline = Date.now() + HEARTBEAT + BEAT_TIME; kept.pings === pings; await sleep(50)) {
      if (Date.now() > deadline) throw new Error("no further heartbeat reached the stream still open");
    }
    expect(kept.ended).toBe(false);
    await db.update(users).set({ sessionVersion: version }).where(eq(users.id, owner.user.id));
  });

  it("checks every open stream in ONE query per beat, however many are open", async () => {
    heartbeatEvery(60_000); // beats run only when the test asks
    const { handle } = getCtx();
    const version = await sessionVersion(viewer.user.id);
    const session: Actor = { ...viewer.actor, via: "session", sessionVersion: version };

    const oneBeat = async () => {
      const log = recordQueries(handle);
      await presenceRooms.heartbeat();
      log.stop();
      return log.statements();
    };

    const few = [await open(board.roadmap.id, viewer.token), await openAs(session, other.roadmap)];
    await settled(few[0], 1);
    await settled(few[1], 1);
    const withFew = await oneBeat();

    const more = [];
    for (let i = 0; i < 5; i++) more.push(await open(board.roadmap.id, viewer.token));
    for (let i = 0; i < 4; i++) more.push(await open(other.roadmap.id, owner.token));
    more.push(await openAs(session, other.roadmap));
    for (const reader of [few[0], ...more.slice(0, 5)]) await settled(reader, 6);
    for (const reader of [few[1], ...more.slice(5)]) await settled(reader, 6);
    await sleep(100);
    expect(presenceRooms.streams).toHaveLength(12);
    const withMore = await oneBeat();

    expect(withFew.filter(isValidityCheck)).toHaveLength(1);
    expect(withMore.filter(isValidityCheck)).toHaveLength(1);
    // The same statement for 2 streams as for 12 (one parameter carries them all), and no query
    // per stream anywhere else in the beat.
    expect(withMore.filter(isValidityCheck)).toEqual(withFew.filter(isValidityCheck));
    expect(withMore).toHaveLength(withFew.length);
    expect([...few, ...more].every((reader) => !reader.ended)).toBe(true);
  });

  it("never overlaps beats: while one is held up by the database, no other starts", async () => {
    const { handle } = getCtx();
    heartbeatEvery(50);
    const reader = await open(board.roadmap.id, viewer.token);
    while (reader.pings < 3) await sleep(20); // beats are running
    const log = recordQueries(handle);

    // Hold the database for a second: the beat under way waits for it (PostgreSQL: the check waits
    // for a lock on api_tokens; PGlite, one connection: every query waits for the transaction).
    let during = { pings: 0, checks: 0 };
    const holdForASecond = async () => {
      const [pings, checks] = [reader.pings, log.statements().filter(isValidityCheck).length];
      await sleep(1_000);
      during = {
        pings: reader.pings - pings,
        checks: log.statements().filter(isValidityCheck).length - checks,
      };
    };
    if (handle.sql) {
      await handle.sql.begin(async (tx) => {
        await tx`lock table api_tokens in access exclusive mode`;
        await holdForASecond();
      });
    } else {
      await handle.pglite!.transaction(() => holdForASecond());
    }
    log.stop();
    // Twenty beats were due in that second; at most the one already under way ran.
    expect(during.pings).toBeLessThanOrEqual(1);
    expect(during.checks).toBeLessThanOrEqual(1);
    // Once the database answers again, the heartbeat carries on.
    const after = reader.pings;
    await sleep(500);
    expect(reader.pings).toBeGreaterThanOrEqual(after + 2);
    expect(reader.ended).toBe(false);
  });

  it("a check the database fails closes nothing; the next beat checks again", async () => {
    const { db, handle } = getCtx();
    heartbeatEvery(60_000);
    const token = await newToken(viewer);
    const reader = await open(board.roadmap.id, token.secret);
    await settled(reader, 1);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    const failing = recordQueries(handle, { failing: isValidityCheck });
    await presenceRooms.heartbeat();
    failing.stop();
    expect(failing.statements().filter(isValidityCheck)).toHaveLength(1);
    expect(logged).toHaveBeenCalledWith("The heartbeat could not check the open streams:", expect.anything());
    await sleep(200);
    expect(reader.ended).toBe(false);

    await db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiTokens.id, token.id));
    await presenceRooms.heartbeat();
    await reader.waitForEnd(2_000);
  });
});
