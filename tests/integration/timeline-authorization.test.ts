import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/types";
import { deleteItem } from "@/lib/services/items/delete";
import { deleteRoadmap } from "@/lib/services/roadmaps/delete";
import { api, type CallOptions, type RouteKey } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import {
  createCast,
  createCastTeam,
  createUser,
  createTeamWithMembers,
  type Cast,
  type TestUser,
} from "../helpers/fixtures";
import { createBoardFixture, MONDAY, timelineState, type BoardFixture } from "../helpers/timeline";
import type { Team } from "@/lib/validation/teams";

type Who = "owner" | "editor" | "commenter" | "viewer" | "outsider" | "anonymous";
const EVERYONE: Who[] = ["owner", "editor", "commenter", "viewer", "outsider", "anonymous"];

const readable = (status = 200): Record<Who, number> => ({
  owner: status,
  editor: status,
  commenter: status,
  viewer: status,
  outsider: 404,
  anonymous: 401,
});
const editorsOnly = (status = 200): Record<Who, number> => ({
  owner: status,
  editor: status,
  commenter: 403,
  viewer: 403,
  outsider: 404,
  anonymous: 401,
});

interface TimelineRouteCase {
  key: RouteKey;
  /** api.md's 401 / 404 / 403 / 2xx ladder, written out per caller. */
  expect: Record<Who, number>;
  /** Whether an allowed call changes the team's timeline (then each call gets a fresh board). */
  mutates: boolean;
  /** Brings the board into the state the route acts on (e.g. deletes what is to be restored). */
  setup?: (db: Database, owner: TestUser, fx: BoardFixture) => Promise<void>;
  request: (fx: BoardFixture, teamId: string) => CallOptions;
}

const ROUTE_CASES: TimelineRouteCase[] = [
  {
    key: "GET /api/teams/{teamId}/roadmaps",
    expect: readable(),
    mutates: false,
    request: (_, teamId) => ({ params: { teamId } }),
  },
  {
    key: "POST /api/teams/{teamId}/roadmaps",
    expect: editorsOnly(201),
    mutates: true,
    request: (_, teamId) => ({ params: { teamId }, json: { title: "New roadmap", startDate: MONDAY } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.roadmap.id } }),
  },
  {
    key: "PATCH /api/roadmaps/{roadmapId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({
      params: { roadmapId: fx.roadmap.id },
      ifMatch: fx.roadmap.version,
      json: { title: "Renamed roadmap" },
    }),
  },
  {
    key: "DELETE /api/roadmaps/{roadmapId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { roadmapId: fx.roadmap.id }, ifMatch: fx.roadmap.version }),
  },
  {
    key: "POST /api/roadmaps/{roadmapId}/restore",
    expect: editorsOnly(),
    mutates: true,
    setup: async (db, owner, fx) => {
      await deleteRoadmap(db, owner.actor, fx.roadmap.id, fx.roadmap.version);
    },
    request: (fx) => ({ params: { roadmapId: fx.roadmap.id } }),
  },
  {
    key: "POST /api/roadmaps/{roadmapId}/workstreams",
    expect: editorsOnly(201),
    mutates: true,
    request: (fx) => ({ params: { roadmapId: fx.roadmap.id }, json: { name: "New lane" } }),
  },
  {
    key: "PATCH /api/workstreams/{workstreamId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({
      params: { workstreamId: fx.lane.id },
      ifMatch: fx.lane.version,
      json: { name: "Renamed lane" },
    }),
  },
  {
    key: "DELETE /api/workstreams/{workstreamId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { workstreamId: fx.emptyLane.id }, ifMatch: fx.emptyLane.version }),
  },
  {
    key: "POST /api/roadmaps/{roadmapId}/items",
    expect: editorsOnly(201),
    mutates: true,
    request: (fx) => ({
      params: { roadmapId: fx.roadmap.id },
      json: { kind: "feature", title: "New feature", startDate: "2027-05-03", endDate: "2027-05-14" },
    }),
  },
  {
    key: "GET /api/items/{itemId}",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { itemId: fx.feature.id } }),
  },
  {
    key: "PATCH /api/items/{itemId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({
      params: { itemId: fx.feature.id },
      ifMatch: fx.feature.version,
      json: { title: "Renamed feature" },
    }),
  },
  {
    key: "DELETE /api/items/{itemId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { itemId: fx.feature.id }, ifMatch: fx.feature.version }),
  },
  {
    key: "POST /api/items/{itemId}/restore",
    expect: editorsOnly(),
    mutates: true,
    setup: async (db, owner, fx) => {
      await deleteItem(db, owner.actor, fx.milestone.id, fx.milestone.version);
    },
    request: (fx) => ({ params: { itemId: fx.milestone.id } }),
  },
  {
    key: "POST /api/roadmaps/{roadmapId}/dependencies",
    expect: editorsOnly(201),
    mutates: true,
    request: (fx) => ({
      params: { roadmapId: fx.roadmap.id },
      json: { fromId: fx.second.id, toId: fx.milestone.id, lagDays: 1 },
    }),
  },
  {
    key: "DELETE /api/dependencies/{dependencyId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { dependencyId: fx.dependency.id } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/schedule",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.roadmap.id } }),
  },
];

const ERROR_CODE: Record<number, string> = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" };

describeEachDatabase("timeline authorization by role", (getCtx) => {
  let cast: Cast;
  let team: Team;
  /** A board for the read-only routes. */
  let shared: BoardFixture;
  /** Another team (none of the cast is a member) with its own board. */
  let otherTeam: Team;
  let otherBoard: BoardFixture;
  let otherOwner: TestUser;

  beforeAll(async () => {
    const { db } = getCtx();
    [cast, otherOwner] = await Promise.all([createCast(db), createUser(db, "stranger")]);
    team = (await createCastTeam(db, cast)).team;
    shared = await createBoardFixture(db, cast.owner.actor, team.id, { title: "Shared roadmap" });
    otherTeam = await createTeamWithMembers(db, otherOwner);
    otherBoard = await createBoardFixture(db, otherOwner.actor, otherTeam.id, {
      title: "Other team's roadmap",
    });
  });

  const tokenOf = (who: Who) => (who === "anonymous" ? undefined : cast[who].token);

  /**
   * A board in the state the route acts on: a fresh one for each allowed write; the callers who
   * are refused share one per route (a refused call must leave it as it was, which each test checks).
   */
  const refusalBoards = new Map<RouteKey, BoardFixture>();
  async function boardFor(route: TimelineRouteCase, allowed: boolean): Promise<BoardFixture> {
    const existing = refusalBoards.get(route.key);
    if (!allowed && existing) return existing;
    const { db } = getCtx();
    const fx = await createBoardFixture(db, cast.owner.actor, team.id);
    await route.setup?.(db, cast.owner, fx);
    if (!allowed) refusalBoards.set(route.key, fx);
    return fx;
  }

  describe("every route with every role", () => {
    for (const route of ROUTE_CASES) {
      for (const who of EVERYONE) {
        const status = route.expect[who];
        it(`${route.key} as ${who}: ${status}`, async () => {
          const { db } = getCtx();
          const fx = route.mutates ? await boardFor(route, status < 400) : shared;
          const before = await timelineState(db, team.id);

          const res = await api(route.key, { ...route.request(fx, team.id), token: tokenOf(who) });

          expect(res.status).toBe(status);
          const after = await timelineState(db, team.id);
          if (status >= 400) {
            expectApiError(res, status, ERROR_CODE[status]);
            expect(after).toEqual(before);
          } else if (route.mutates) {
            expect(after).not.toEqual(before);
            // Every accepted write is logged.
            expect(after.activity.length).toBe(before.activity.length + 1);
          } else {
            expect(after).toEqual(before);
          }
        });
      }
    }
  });

  describe("allowed reads answer this team's data", () => {
    it("GET /api/teams/{teamId}/roadmaps lists the team's roadmaps, not another team's", async () => {
      const res = await api("GET /api/teams/{teamId}/roadmaps", {
        params: { teamId: team.id },
        token: cast.viewer.token,
      });
      const ids = (res.json.items as { id: string; teamId: string }[]).map((r) => r.id);
      expect(ids).toContain(shared.roadmap.id);
      expect(ids).not.toContain(otherBoard.roadmap.id);
      for (const r of res.json.items as { teamId: string }[]) expect(r.teamId).toBe(team.id);
    });

    it("GET /api/roadmaps/{roadmapId} tells each member their own role", async () => {
      for (const who of ["owner", "editor", "commenter", "viewer"] as const) {
        const res = await api("GET /api/roadmaps/{roadmapId}", {
          params: { roadmapId: shared.roadmap.id },
          token: cast[who].token,
        });
        expect(res.status).toBe(200);
        expect(res.json.role).toBe(who);
        expect(res.json.roadmap.id).toBe(shared.roadmap.id);
      }
    });
  });

  describe("ids of another team's timeline: 404 even for an owner, nothing changes", () => {
    for (const route of ROUTE_CASES) {
      it(`${route.key} with the other team's ids as an owner and an editor: 404`, async () => {
        const { db } = getCtx();
        const before = await timelineState(db, otherTeam.id);
        for (const who of ["owner", "editor"] as const) {
          const res = await api(route.key, {
            ...route.request(otherBoard, otherTeam.id),
            token: cast[who].token,
          });
          expectApiError(res, 404, "not_found");
        }
        expect(await timelineState(db, otherTeam.id)).toEqual(before);
      });
    }

    it("the other team's deleted roadmap and item cannot be restored from outside: 404", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, otherOwner.actor, otherTeam.id, { title: "Deleted elsewhere" });
      await deleteItem(db, otherOwner.actor, fx.milestone.id, fx.milestone.version);
      await deleteRoadmap(db, otherOwner.actor, fx.roadmap.id, fx.roadmap.version);
      const before = await timelineState(db, otherTeam.id);
      expectApiError(
        await api("POST /api/roadmaps/{roadmapId}/restore", {
          params: { roadmapId: fx.roadmap.id },
          token: cast.owner.token,
        }),
        404,
        "not_found",
      );
      expectApiError(
        await api("POST /api/items/{itemId}/restore", {
          params: { itemId: fx.milestone.id },
          token: cast.owner.token,
        }),
        404,
        "not_found",
      );
      const listed = await api("GET /api/teams/{teamId}/roadmaps", {
        params: { teamId: otherTeam.id },
        query: { deleted: "true" },
        token: cast.owner.token,
      });
      expectApiError(listed, 404, "not_found");
      expect(await timelineState(db, otherTeam.id)).toEqual(before);
    });
  });

  describe("a path id that is not a UUID: 404", () => {
    for (const route of ROUTE_CASES) {
      it(`${route.key} with a non-UUID id: 404 not_found`, async () => {
        const { db } = getCtx();
        const options = route.request(shared, team.id);
        const params = Object.fromEntries(Object.keys(options.params ?? {}).map((k) => [k, "not-a-uuid"]));
        const before = await timelineState(db, team.id);
        const res = await api(route.key, { ...options, params, token: cast.owner.token });
        expectApiError(res, 404, "not_found");
        expect(await timelineState(db, team.id)).toEqual(before);
      });
    }

    it("a well-formed UUID that names nothing: 404 on every id route", async () => {
      const nobody = "00000000-0000-4000-8000-000000000000";
      for (const route of ROUTE_CASES) {
        const options = route.request(shared, team.id);
        const params = Object.fromEntries(Object.keys(options.params ?? {}).map((k) => [k, nobody]));
        const res = await api(route.key, { ...options, params, token: cast.owner.token });
        expect({ route: route.key, status: res.status }).toEqual({ route: route.key, status: 404 });
        expectApiError(res, 404, "not_found");
      }
    });
  });
});
