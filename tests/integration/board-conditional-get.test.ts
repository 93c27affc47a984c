import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/types";
import { AnswerCache } from "@/lib/server/cached-answer";
import { createComment } from "@/lib/services/comments/create";
import { createDependency } from "@/lib/services/dependencies/edges";
import { deleteItem } from "@/lib/services/items/delete";
import { updateItem } from "@/lib/services/items/update";
import { createPhase } from "@/lib/services/phases/create";
import { createRisk } from "@/lib/services/risks/create";
import { updateRoadmap } from "@/lib/services/roadmaps/update";
import { changeMemberRole, removeMember } from "@/lib/services/teams/members";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import { api, type ApiResponse } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createTeamWithMembers, type Cast } from "../helpers/fixtures";
import { recordQueries } from "../helpers/query-log";
import { createBoardFixture, featureInput, MONDAY, type BoardFixture } from "../helpers/timeline";

type Reader = "owner" | "editor" | "commenter" | "viewer";
const READERS: Reader[] = ["owner", "editor", "commenter", "viewer"];

// Each process keeps its own answer cache (found on globalThis); swapping it stands for a request
// reaching another instance of the app on the same database.
const SHARED = Symbol.for("cairn.answerCache");
const shared = globalThis as unknown as Record<symbol, AnswerCache | undefined>;
const onInstance = (cache: AnswerCache) => (shared[SHARED] = cache);

const board = (token: string | undefined, roadmapId: string, headers: Record<string, string> = {}) =>
  api("GET /api/roadmaps/{roadmapId}", { token, params: { roadmapId }, headers });
const schedule = (token: string, roadmapId: string, headers: Record<string, string> = {}) =>
  api("GET /api/roadmaps/{roadmapId}/schedule", { token, params: { roadmapId }, headers });
const etagOf = (res: ApiResponse) => res.headers.get("etag") ?? "";

describeEachDatabase("board and schedule: conditional GET and the answer cache", (getCtx) => {
  let db: Database;
  let cast: Cast;
  let teamId: string;
  let fx: BoardFixture;

  beforeAll(async () => {
    db = getCtx().db;
    cast = await createCast(db);
    const team = await createTeamWithMembers(db, cast.owner, [
      { member: cast.editor, role: "editor" },
      { member: cast.commenter, role: "commenter" },
      { member: cast.viewer, role: "viewer" },
      { member: cast.target, role: "viewer" },
    ]);
    teamId = team.id;
  });
  beforeEach(async () => {
    onInstance(new AnswerCache(32 * 1024 * 1024));
    fx = await createBoardFixture(db, cast.owner.actor, teamId);
  });
  afterEach(() => {
    vi.useRealTimers();
    delete shared[SHARED];
  });

  it("names the board by sequence number and role; If-None-Match with that name answers 304 with no body", async () => {
    for (const who of READERS) {
      const first = await board(cast[who].token, fx.roadmap.id);
      expect(first.status).toBe(200);
      expect(first.json.role).toBe(who);
      expect(etagOf(first)).toBe(`W/"${first.json.roadmap.version}-b${first.json.seq}-${who}"`);
      expect(first.headers.get("vary")).toBe("Accept-Encoding");
      const again = await board(cast[who].token, fx.roadmap.id, { "if-none-match": etagOf(first) });
      expect(again.status).toBe(304);
      expect(again.text).toBe("");
      expect(etagOf(again)).toBe(etagOf(first));
    }
  });

  it("the board's ETag leads with the roadmap's version: echoed in If-Match it writes, and once stale it is refused", async () => {
    const read = await board(cast.owner.token, fx.roadmap.id);
    const patch = (ifMatch: string, title: string) =>
      api("PATCH /api/roadmaps/{roadmapId}", {
        token: cast.owner.token,
        params: { roadmapId: fx.roadmap.id },
        ifMatch,
        json: { title },
      });
    const written = await patch(etagOf(read), "Renamed through the board's ETag");
    expect(written.status).toBe(200);
    expect(written.json.roadmap.version).toBe(read.json.roadmap.version + 1);
    const stale = await patch(etagOf(read), "A lost update");
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe("version_mismatch");
  });

  it("never answers 304 across roles: the board names the reader's role", async () => {
    const asViewer = await board(cast.viewer.token, fx.roadmap.id);
    for (const who of ["owner", "editor", "commenter"] as const) {
      const res = await board(cast[who].token, fx.roadmap.id, { "if-none-match": etagOf(asViewer) });
      expect(res.status).toBe(200);
      expect(res.json.role).toBe(who);
    }
  });

  const WRITES: {
    what: string;
    write: (fx: BoardFixture) => Promise<unknown>;
    seen?: (b: ApiResponse) => void;
  }[] = [
    {
      what: "an item moved",
      write: (f) => updateItem(db, cast.editor.actor, f.feature.id, f.feature.version, { title: "Renamed" }),
      seen: (b) =>
        expect(b.json.items.find((i: { id: string }) => i.id === fx.feature.id).title).toBe("Renamed"),
    },
    {
      what: "an item deleted",
      write: (f) => deleteItem(db, cast.editor.actor, f.milestone.id, f.milestone.version),
      seen: (b) => expect(b.json.items.map((i: { id: string }) => i.id)).not.toContain(fx.milestone.id),
    },
    {
      what: "a link added",
      write: (f) =>
        createDependency(db, cast.editor.actor, f.roadmap.id, { fromId: f.feature.id, toId: f.milestone.id }),
      seen: (b) => expect(b.json.dependencies).toHaveLength(2),
    },
    {
      what: "a lane added",
      write: (f) => createWorkstream(db, cast.owner.actor, f.roadmap.id, { name: "New lane" }),
      seen: (b) => expect(b.json.workstreams.map((w: { name: string }) => w.name)).toContain("New lane"),
    },
    {
      what: "a risk added",
      write: (f) =>
        createRisk(db, cast.editor.actor, f.roadmap.id, {
          title: "Vendor late",
          kind: "external",
          likelihood: 3,
          impact: 4,
        }),
    },
    {
      what: "a phase added",
      write: (f) =>
        createPhase(db, cast.editor.actor, f.roadmap.id, {
          name: "Discovery",
          startDate: MONDAY,
          endDate: "2027-02-26",
        }),
    },
    {
      what: "a comment (the feedback summary)",
      write: (f) =>
        createComment(db, cast.commenter.actor, f.feature.id, { body: "Can we?", feasibility: "concerns" }),
      seen: (b) => expect(b.json.feedback[fx.feature.id]).toMatchObject({ comments: 1, concerns: 1 }),
    },
    {
      what: "the roadmap patched",
      write: (f) =>
        updateRoadmap(db, cast.owner.actor, f.roadmap.id, f.roadmap.version, { title: "Patched title" }),
      seen: (b) => expect(b.json.roadmap.title).toBe("Patched title"),
    },
  ];

  for (const { what, write, seen } of WRITES) {
    it(`after ${what}, every role gets the changed board (200, a new ETag) for the ETag it held`, async () => {
      const before = new Map<Reader, ApiResponse>();
      for (const who of READERS) before.set(who, await board(cast[who].token, fx.roadmap.id));
      await write(fx);
      for (const who of READERS) {
        const old = before.get(who)!;
        const res = await board(cast[who].token, fx.roadmap.id, { "if-none-match": etagOf(old) });
        expect(res.status).toBe(200);
        expect(res.json.seq).toBeGreaterThan(old.json.seq);
        expect(etagOf(res)).toBe(`W/"${res.json.roadmap.version}-b${res.json.seq}-${who}"`);
        seen?.(res);
        const sched = await schedule(cast[who].token, fx.roadmap.id);
        expect(etagOf(sched)).toBe(`W/"s${res.json.seq}"`);
      }
    });
  }

  it("checks access on every request: a removed member gets 404 and a re-roled one a board of the new role, cached or not", async () => {
    const asViewer = await board(cast.target.token, fx.roadmap.id);
    expect(asViewer.json.role).toBe("viewer");
    await changeMemberRole(db, cast.owner.actor, teamId, cast.target.user.id, "editor");
    const promoted = await board(cast.target.token, fx.roadmap.id, { "if-none-match": etagOf(asViewer) });
    expect(promoted.status).toBe(200);
    expect(promoted.json.role).toBe("editor");
    await changeMemberRole(db, cast.owner.actor, teamId, cast.target.user.id, "viewer");

    await removeMember(db, cast.owner.actor, teamId, cast.target.user.id);
    try {
      const conditions: Record<string, string>[] = [
        {},
        { "if-none-match": etagOf(asViewer) },
        { "if-none-match": "*" },
      ];
      for (const headers of conditions) {
        expect((await board(cast.target.token, fx.roadmap.id, headers)).status).toBe(404);
        expect((await schedule(cast.target.token, fx.roadmap.id, headers)).status).toBe(404);
      }
      expect((await board(cast.outsider.token, fx.roadmap.id)).status).toBe(404);
      expect((await board(undefined, fx.roadmap.id)).status).toBe(401);
    } finally {
      await db.execute(
        `insert into memberships (team_id, user_id, role) values ('${teamId}', '${cast.target.user.id}', 'viewer')`,
      );
    }
  });

  it("reads your writes across instances: a PATCH through one, then a GET on another that cached the old board", async () => {
    const a = new AnswerCache(32 * 1024 * 1024);
    const b = new AnswerCache(32 * 1024 * 1024);
    onInstance(b);
    const cachedOnB = await board(cast.viewer.token, fx.roadmap.id);
    onInstance(a);
    await board(cast.editor.token, fx.roadmap.id);
    const patched = await api("PATCH /api/items/{itemId}", {
      token: cast.editor.token,
      params: { itemId: fx.feature.id },
      ifMatch: fx.feature.version,
      json: { title: "Written on A" },
    });
    expect(patched.status).toBe(200);
    onInstance(b);
    for (const who of ["editor", "viewer"] as const) {
      const res = await board(cast[who].token, fx.roadmap.id);
      expect(res.json.items.find((i: { id: string }) => i.id === fx.feature.id).title).toBe("Written on A");
      expect(res.json.seq).toBeGreaterThan(cachedOnB.json.seq);
    }
  });

  it("serves a repeated read from the cache without reading the rows, and keeps it until the sequence moves, however long", async () => {
    const first = await board(cast.viewer.token, fx.roadmap.id);
    const log = recordQueries(getCtx().handle);
    vi.useFakeTimers({ now: Date.now() + 30 * 24 * 3600 * 1000, toFake: ["Date"] });
    const again = await board(cast.viewer.token, fx.roadmap.id);
    log.stop();
    expect(again.text).toBe(first.text);
    expect(
      log.statements().filter((s) => /from "(items|dependencies|workstreams|comments)"/.test(s)),
    ).toEqual([]);
    vi.useRealTimers();
    await createWorkstream(db, cast.owner.actor, fx.roadmap.id, { name: "Moves the sequence" });
    const after = await board(cast.viewer.token, fx.roadmap.id);
    expect(after.json.seq).toBe(first.json.seq + 1);
    expect(after.json.workstreams).toHaveLength(first.json.workstreams.length + 1);
  });

  it("garbage in If-None-Match or Accept-Encoding gets the full answer, never an error", async () => {
    const plain = await board(cast.viewer.token, fx.roadmap.id);
    const garbage: Record<string, string>[] = [
      { "if-none-match": 'W/"", "b-", *x' },
      { "if-none-match": "x".repeat(8_000) },
      { "accept-encoding": "br;q=zz, ;;, gzip;q=-1" },
    ];
    for (const headers of garbage) {
      const res = await board(cast.viewer.token, fx.roadmap.id, headers);
      expect(res.status).toBe(200);
      expect(res.text).toBe(plain.text);
    }
  });

  it("negotiates compression: br, gzip or none, the same JSON in each", async () => {
    const plain = await board(cast.viewer.token, fx.roadmap.id, { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const cases = [
      { accept: "gzip, deflate, br", coding: "br", decode: brotliDecompressSync },
      { accept: "gzip;q=1, br;q=0", coding: "gzip", decode: gunzipSync },
    ];
    for (const { accept, coding, decode } of cases) {
      const res = await fetchRaw(cast.viewer.token, fx.roadmap.id, accept);
      expect(res.headers.get("content-encoding")).toBe(coding);
      // Next drops Content-Encoding from a route's Response; scripts/start.mjs restores it from this.
      expect(res.headers.get("x-cairn-content-encoding")).toBe(coding);
      expect(decode(res.bytes).toString("utf8")).toBe(plain.text);
    }
  });

  it("the schedule is the same for every role: 304 across roles at one sequence, a new schedule after a write", async () => {
    const s1 = await schedule(cast.viewer.token, fx.roadmap.id);
    expect((await schedule(cast.editor.token, fx.roadmap.id, { "if-none-match": etagOf(s1) })).status).toBe(
      304,
    );
    const { createItem } = await import("@/lib/services/items/create");
    await createItem(db, cast.editor.actor, fx.roadmap.id, featureInput("Later", "2027-03-01", "2027-03-12"));
    const s2 = await schedule(cast.viewer.token, fx.roadmap.id, { "if-none-match": etagOf(s1) });
    expect(s2.status).toBe(200);
    expect(s2.json.items).toHaveLength(s1.json.items.length + 1);
  });
});

/** The route's answer as bytes, as sent (the test helper reads text, which would not decode). */
async function fetchRaw(token: string, roadmapId: string, acceptEncoding: string) {
  const { GET } = await import("@/app/api/roadmaps/[roadmapId]/route");
  const req = new Request(`http://localhost/api/roadmaps/${roadmapId}`, {
    headers: { authorization: `Bearer ${token}`, "accept-encoding": acceptEncoding },
  });
  const res = await GET(req, { params: Promise.resolve({ roadmapId }) });
  return { headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("AnswerCache without a database", () => {
  it("shares one load among readers arriving together", async () => {
    const cache = new AnswerCache(1024 * 1024);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return { tag: "b1-viewer", body: { ok: true } };
    };
    const endpoint = { method: "GET", path: "/x" } as never;
    const req = () => new Request("http://localhost/x");
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => cache.answer(req(), endpoint, "k", "b1-viewer", load)),
    );
    expect(loads).toBe(1);
    for (const a of answers) expect(await a.json()).toEqual({ ok: true });
  });
});
