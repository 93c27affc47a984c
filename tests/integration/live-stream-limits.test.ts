import { afterEach, beforeAll, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/roadmaps/[roadmapId]/events/route";
import * as presenceRoute from "@/app/api/roadmaps/[roadmapId]/presence/route";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Team } from "@/lib/validation/teams";
import { callHandler } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { openEventStream, requestEventStream, waitUntilStreamsReleased } from "../helpers/event-streams";
import { SseReader } from "../helpers/sse";
import { createBoardFixture } from "../helpers/timeline";

const EVENTS = "/api/roadmaps/{roadmapId}/events";
const LIMIT = 20;

/** Every reader a test opened; closed after it, so that no test leaves streams (or slots) behind. */
const opened: SseReader[] = [];

async function open(roadmapId: string, token: string) {
  const stream = await openEventStream(roadmapId, token);
  opened.push(stream.reader);
  return stream;
}

describeEachDatabase("live streams: at most 20 per user", (getCtx) => {
  let owner: TestUser;
  let viewer: TestUser;
  let team: Team;
  let first: Roadmap;
  let second: Roadmap;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, viewer] = await Promise.all(["owner", "viewer"].map((label) => createUser(db, label)));
    team = await createTeamWithMembers(db, owner, [{ member: viewer, role: "viewer" }]);
    first = (await createBoardFixture(db, owner.actor, team.id, { title: "First" })).roadmap;
    second = (await createBoardFixture(db, owner.actor, team.id, { title: "Second" })).roadmap;
  });

  afterEach(async () => {
    for (const reader of opened.splice(0)) reader.close();
    await waitUntilStreamsReleased(getCtx().handle);
  });

  it("the 21st open stream of one user is 429 rate_limited with a message; others are unaffected; a closed stream frees its slot", async () => {
    // Spread over two roadmaps: the limit is per person, not per roadmap.
    const streams = [];
    for (let i = 0; i < LIMIT; i++) streams.push(await open(i % 2 ? second.id : first.id, viewer.token));

    const refused = await callHandler(eventsRoute.GET, "GET", EVENTS, {
      params: { roadmapId: first.id },
      token: viewer.token,
    });
    expectApiError(refused, 429, "rate_limited");
    expect(refused.json.error.message).toMatch(/20 live streams open.*Close some of them/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    // Another person's streams are not counted against this one.
    const other = await open(first.id, owner.token);
    expect(other.hello.connectionId).toMatch(/^[0-9a-f-]{36}$/);

    // The open streams still work: a refused request took nothing from them.
    expect(streams.every((s) => !s.reader.ended)).toBe(true);

    streams[0].reader.close();
    // The slot frees once the server has let go of the stream (its presence row is deleted).
    for (let i = 0; ; i++) {
      const { res, abort } = await requestEventStream(first.id, viewer.token);
      if (res.status === 200) {
        const reader = new SseReader(res, abort);
        opened.push(reader);
        await reader.waitFor((d) => d.type === "hello");
        break;
      }
      expect(res.status).toBe(429);
      await res.body?.cancel();
      if (i > 100) throw new Error("the closed stream's slot was never freed");
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it("sixty requests at once admit exactly 20: counting and claiming a slot is atomic", async () => {
    const { db } = getCtx();
    const hostile = await createUser(db, "hostile");
    const own = await createTeamWithMembers(db, hostile);
    const board = await createBoardFixture(db, hostile.actor, own.id, { title: "Hostile" });

    const answers = await Promise.all(
      Array.from({ length: 60 }, () => requestEventStream(board.roadmap.id, hostile.token)),
    );
    const admitted = answers.filter(({ res }) => res.status === 200);
    for (const { res, abort } of admitted) opened.push(new SseReader(res, abort));
    const refused = answers.filter(({ res }) => res.status !== 200);
    expect(admitted).toHaveLength(LIMIT);
    expect(refused.map(({ res }) => res.status)).toEqual(Array(60 - LIMIT).fill(429));
    for (const { res } of refused) expect((await res.json()).error.code).toBe("rate_limited");
  });

  it("a refused stream is refused before anything is written: no presence, no slot taken", async () => {
    const { db } = getCtx();
    const person = await createUser(db, "person");
    const own = await createTeamWithMembers(db, person);
    const board = await createBoardFixture(db, person.actor, own.id, { title: "Own" });
    for (let i = 0; i < LIMIT; i++) await open(board.roadmap.id, person.token);
    for (let i = 0; i < 3; i++) {
      const refused = await callHandler(eventsRoute.GET, "GET", EVENTS, {
        params: { roadmapId: board.roadmap.id },
        token: person.token,
      });
      expectApiError(refused, 429, "rate_limited");
    }
    const listed = await callHandler(presenceRoute.GET, "GET", "/api/roadmaps/{roadmapId}/presence", {
      params: { roadmapId: board.roadmap.id },
      token: person.token,
    });
    expect(listed.json.items).toHaveLength(LIMIT);
  });
});
