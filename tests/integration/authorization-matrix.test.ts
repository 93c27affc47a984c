import { count, eq, isNull, and } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/types";
import { invitations, skills, teams } from "@/db/schema";
import { createComment } from "@/lib/services/comments/create";
import { deleteComment } from "@/lib/services/comments/delete";
import { createInvitation } from "@/lib/services/teams/invitations";
import { createRisk } from "@/lib/services/risks/create";
import { deleteRisk } from "@/lib/services/risks/delete";
import { createSkill } from "@/lib/services/staffing/skills";
import { createToken } from "@/lib/services/accounts/tokens";
import { createTimeEntry } from "@/lib/services/time-entries/create";
import { allEndpoints } from "@/lib/validation/endpoints";
import { buildOpenApiDocument } from "@/lib/validation/openapi";
import { api, type CallOptions, type RouteKey } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { collaborationState } from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import {
  createCast,
  createCastTeam,
  createTeamWithMembers,
  createUser,
  liveTokenIds,
  teamState,
  uniqueEmail,
  type Cast,
  type CastTeam,
} from "../helpers/fixtures";
import { resourceState } from "../helpers/resources";
import { browserHeaders } from "../helpers/session";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

type Who = "owner" | "editor" | "commenter" | "viewer" | "outsider" | "anonymous";
const EVERYONE: Who[] = ["owner", "editor", "commenter", "viewer", "outsider", "anonymous"];

interface TeamRouteCase {
  key: RouteKey;
  /** The status each caller must get: api.md's 401 / 404 / 403 / 2xx ladder, written out. */
  expect: Record<Who, number>;
  /** Whether an allowed call changes the team's state. */
  mutates: boolean;
  request: (cast: Cast, fx: CastTeam) => CallOptions;
}

const readable = (status = 200) => ({
  owner: status,
  editor: status,
  commenter: status,
  viewer: status,
  outsider: 404,
  anonymous: 401,
});
const ownerOnly = (status = 200) => ({
  owner: status,
  editor: 403,
  commenter: 403,
  viewer: 403,
  outsider: 404,
  anonymous: 401,
});

const TEAM_ROUTES: TeamRouteCase[] = [
  {
    key: "GET /api/teams/{teamId}",
    expect: readable(),
    mutates: false,
    request: (_, fx) => ({ params: { teamId: fx.team.id } }),
  },
  {
    key: "PATCH /api/teams/{teamId}",
    expect: ownerOnly(),
    mutates: true,
    request: (_, fx) => ({
      params: { teamId: fx.team.id },
      ifMatch: fx.team.version,
      json: { name: "Renamed team" },
    }),
  },
  {
    key: "DELETE /api/teams/{teamId}",
    expect: ownerOnly(),
    mutates: true,
    request: (_, fx) => ({ params: { teamId: fx.team.id }, ifMatch: fx.team.version }),
  },
  {
    key: "GET /api/teams/{teamId}/members",
    expect: readable(),
    mutates: false,
    request: (_, fx) => ({ params: { teamId: fx.team.id } }),
  },
  {
    key: "PATCH /api/teams/{teamId}/members/{userId}",
    expect: ownerOnly(),
    mutates: true,
    request: (cast, fx) => ({
      params: { teamId: fx.team.id, userId: cast.target.user.id },
      json: { role: "commenter" },
    }),
  },
  {
    key: "DELETE /api/teams/{teamId}/members/{userId}",
    expect: ownerOnly(),
    mutates: true,
    request: (cast, fx) => ({ params: { teamId: fx.team.id, userId: cast.target.user.id } }),
  },
  {
    key: "GET /api/teams/{teamId}/invitations",
    expect: ownerOnly(),
    mutates: false,
    request: (_, fx) => ({ params: { teamId: fx.team.id } }),
  },
  {
    key: "POST /api/teams/{teamId}/invitations",
    expect: ownerOnly(201),
    mutates: true,
    request: (_, fx) => ({
      params: { teamId: fx.team.id },
      json: { email: uniqueEmail("invitee"), role: "editor" },
    }),
  },
  {
    key: "DELETE /api/invitations/{invitationId}",
    expect: ownerOnly(),
    mutates: true,
    request: (_, fx) => ({ params: { invitationId: fx.pendingInvitationId } }),
  },
  {
    key: "GET /api/teams/{teamId}/skills",
    expect: readable(),
    mutates: false,
    request: (_, fx) => ({ params: { teamId: fx.team.id } }),
  },
  {
    key: "POST /api/teams/{teamId}/skills",
    expect: { owner: 201, editor: 201, commenter: 403, viewer: 403, outsider: 404, anonymous: 401 },
    mutates: true,
    request: (_, fx) => ({ params: { teamId: fx.team.id }, json: { name: "Data science" } }),
  },
];

/** A board with one thread: a comment by the commenter, answered by the editor. */
interface CommentFixture {
  board: BoardFixture;
  comment: { id: string; version: number };
  reply: { id: string; version: number };
}

async function createCommentFixture(db: Database, cast: Cast, teamId: string): Promise<CommentFixture> {
  const board = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Discussed roadmap" });
  const comment = await createComment(db, cast.commenter.actor, board.feature.id, {
    body: "Is this feasible?",
  });
  const reply = await createComment(db, cast.editor.actor, board.feature.id, {
    body: "Yes",
    parentId: comment.id,
  });
  return { board, comment, reply };
}

interface CollaborationRouteCase {
  key: RouteKey;
  expect: Record<Who, number>;
  /** An allowed call changes the roadmap (one more activity row), nothing, or the caller's own notifications. */
  mutates: boolean | "caller's notifications";
  setup?: (db: Database, cast: Cast, fx: CommentFixture) => Promise<void>;
  request: (fx: CommentFixture) => CallOptions;
}

const editorsOnly = (status = 200) => ({ ...ownerOnly(status), editor: status });
/** The comment's author (the commenter) or an editor. */
const authorOrEditor = (status = 200) => ({ ...editorsOnly(status), commenter: status });
const signedIn = (status = 200) => ({ ...readable(status), outsider: status });

const COLLABORATION_ROUTES: CollaborationRouteCase[] = [
  {
    key: "GET /api/items/{itemId}/comments",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { itemId: fx.board.feature.id } }),
  },
  {
    key: "POST /api/items/{itemId}/comments",
    expect: { ...authorOrEditor(201) },
    mutates: true,
    request: (fx) => ({ params: { itemId: fx.board.feature.id }, json: { body: "Another thought" } }),
  },
  {
    key: "PATCH /api/comments/{commentId}",
    expect: { owner: 403, editor: 403, commenter: 200, viewer: 403, outsider: 404, anonymous: 401 },
    mutates: true,
    request: (fx) => ({
      params: { commentId: fx.comment.id },
      ifMatch: fx.comment.version,
      json: { body: "Edited" },
    }),
  },
  {
    key: "DELETE /api/comments/{commentId}",
    expect: authorOrEditor(),
    mutates: true,
    request: (fx) => ({ params: { commentId: fx.comment.id }, ifMatch: fx.comment.version }),
  },
  {
    key: "POST /api/comments/{commentId}/restore",
    expect: authorOrEditor(),
    mutates: true,
    setup: async (db, cast, fx) => {
      await deleteComment(db, cast.commenter.actor, fx.comment.id, fx.comment.version);
    },
    request: (fx) => ({ params: { commentId: fx.comment.id } }),
  },
  {
    key: "POST /api/comments/{commentId}/resolve",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { commentId: fx.comment.id } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/activity",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/presence",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id } }),
  },
  {
    // A made-up connection: members get past authorization to 404 (no such open page); the
    // stream itself (GET .../events) is checked for every role in live-events.test.ts.
    key: "PUT /api/roadmaps/{roadmapId}/presence",
    expect: { ...readable(404), outsider: 404, anonymous: 401 },
    mutates: false,
    request: (fx) => ({
      params: { roadmapId: fx.board.roadmap.id },
      json: { connectionId: "00000000-0000-4000-8000-000000000000", itemId: null },
    }),
  },
  {
    key: "GET /api/notifications",
    expect: signedIn(),
    mutates: false,
    request: () => ({}),
  },
  {
    key: "POST /api/notifications/read",
    expect: signedIn(),
    mutates: "caller's notifications",
    request: () => ({ json: { all: true } }),
  },
];

/** A board with a risk on it, and the team's skill: what the resource routes act on. */
interface ResourceFixture {
  board: BoardFixture;
  skillId: string;
  risk: { id: string; version: number };
  timeEntryId: string;
}

async function createResourceFixture(db: Database, cast: Cast, teamId: string): Promise<ResourceFixture> {
  const board = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Resourced roadmap" });
  const [skill] = await db.select({ id: skills.id }).from(skills).where(eq(skills.teamId, teamId)).limit(1);
  const risk = await createRisk(db, cast.owner.actor, board.roadmap.id, {
    title: "Vendor slips",
    kind: "dependency",
    likelihood: 3,
    impact: 4,
    itemIds: [board.feature.id],
  });
  const entry = await createTimeEntry(db, cast.owner.actor, board.feature.id, { on: "2026-11-02", hours: 3 });
  return { board, skillId: skill.id, risk, timeEntryId: entry.id };
}

interface ResourceRouteCase {
  key: RouteKey;
  expect: Record<Who, number>;
  /** Whether an allowed call changes the roadmap (then each allowed call gets a fresh board). */
  mutates: boolean;
  setup?: (db: Database, cast: Cast, fx: ResourceFixture) => Promise<void>;
  request: (fx: ResourceFixture) => CallOptions;
}

const RESOURCE_ROUTES: ResourceRouteCase[] = [
  {
    key: "GET /api/roadmaps/{roadmapId}/staffing",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id } }),
  },
  {
    key: "PUT /api/roadmaps/{roadmapId}/staffing",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({
      params: { roadmapId: fx.board.roadmap.id },
      ifMatch: 0,
      json: { rows: [{ skillId: fx.skillId, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 32 }] },
    }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/capacity",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/risks",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id } }),
  },
  {
    key: "POST /api/roadmaps/{roadmapId}/risks",
    expect: editorsOnly(201),
    mutates: true,
    request: (fx) => ({
      params: { roadmapId: fx.board.roadmap.id },
      json: { title: "Regulation changes", kind: "external", likelihood: 2, impact: 5 },
    }),
  },
  {
    key: "PATCH /api/risks/{riskId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { riskId: fx.risk.id }, ifMatch: fx.risk.version, json: { likelihood: 5 } }),
  },
  {
    key: "DELETE /api/risks/{riskId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { riskId: fx.risk.id }, ifMatch: fx.risk.version }),
  },
  {
    key: "POST /api/risks/{riskId}/restore",
    expect: editorsOnly(),
    mutates: true,
    setup: async (db, cast, fx) => {
      await deleteRisk(db, cast.owner.actor, fx.risk.id, fx.risk.version);
    },
    request: (fx) => ({ params: { riskId: fx.risk.id } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/forecast",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id }, query: { runs: "100" } }),
  },
  {
    key: "GET /api/items/{itemId}/time-entries",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { itemId: fx.board.feature.id } }),
  },
  {
    key: "POST /api/items/{itemId}/time-entries",
    expect: editorsOnly(201),
    mutates: true,
    request: (fx) => ({ params: { itemId: fx.board.feature.id }, json: { on: "2026-11-03", hours: 2 } }),
  },
  {
    key: "DELETE /api/time-entries/{timeEntryId}",
    expect: editorsOnly(),
    mutates: true,
    request: (fx) => ({ params: { timeEntryId: fx.timeEntryId } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/estimate-accuracy",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id } }),
  },
  {
    key: "GET /api/roadmaps/{roadmapId}/confidence",
    expect: readable(),
    mutates: false,
    request: (fx) => ({ params: { roadmapId: fx.board.roadmap.id } }),
  },
];

const ERROR_CODE: Record<number, string> = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" };

describeEachDatabase("authorization by role", (getCtx) => {
  let cast: Cast;
  let sharedTeam: CastTeam;

  beforeAll(async () => {
    cast = await createCast(getCtx().db);
    sharedTeam = await createCastTeam(getCtx().db, cast, "invitation");
  });

  const tokenOf = (who: Who) => (who === "anonymous" ? undefined : cast[who].token);

  describe("team routes", () => {
    for (const route of TEAM_ROUTES) {
      for (const who of EVERYONE) {
        const status = route.expect[who];
        it(`${route.key} as ${who}: ${status}`, async () => {
          const { db } = getCtx();
          const fx = route.mutates ? await createCastTeam(db, cast) : sharedTeam;
          const before = await teamState(db, fx.team.id);

          const res = await api(route.key, { ...route.request(cast, fx), token: tokenOf(who) });

          expect(res.status).toBe(status);
          const after = await teamState(db, fx.team.id);
          if (status >= 400) {
            expect(res.json.error.code).toBe(ERROR_CODE[status]);
            expect(typeof res.json.error.message).toBe("string");
            expect(after).toEqual(before);
          } else if (route.mutates) {
            expect(after).not.toEqual(before);
          } else {
            expect(after).toEqual(before);
          }
        });
      }
    }

    it("a successful read answers the team's data, not another team's", async () => {
      const res = await api("GET /api/teams/{teamId}/members", {
        params: { teamId: sharedTeam.team.id },
        token: cast.viewer.token,
      });
      const byEmail = Object.fromEntries(
        (res.json.items as { user: { email: string }; role: string }[]).map((m) => [m.user.email, m.role]),
      );
      expect(byEmail).toEqual({
        [cast.owner.user.email]: "owner",
        [cast.editor.user.email]: "editor",
        [cast.commenter.user.email]: "commenter",
        [cast.viewer.user.email]: "viewer",
        [cast.target.user.email]: "viewer",
      });
    });

    it("GET /api/teams/{teamId} tells each member their own role and sends the version as ETag", async () => {
      for (const who of ["owner", "editor", "commenter", "viewer"] as const) {
        const res = await api("GET /api/teams/{teamId}", {
          params: { teamId: sharedTeam.team.id },
          token: cast[who].token,
        });
        expect(res.json.role).toBe(who);
        expect(res.json.team.id).toBe(sharedTeam.team.id);
        expect(res.headers.get("etag")).toBe(`"${res.json.team.version}"`);
      }
    });
  });

  describe("collaboration routes", () => {
    let shared: CommentFixture;
    beforeAll(async () => {
      shared = await createCommentFixture(getCtx().db, cast, sharedTeam.team.id);
    });

    for (const route of COLLABORATION_ROUTES) {
      for (const who of EVERYONE) {
        const status = route.expect[who];
        it(`${route.key} as ${who}: ${status}`, async () => {
          const { db } = getCtx();
          const fx =
            route.mutates === true ? await createCommentFixture(db, cast, sharedTeam.team.id) : shared;
          await route.setup?.(db, cast, fx);
          const before = await collaborationState(db, fx.board.roadmap.id);

          const res = await api(route.key, { ...route.request(fx), token: tokenOf(who) });

          const after = await collaborationState(db, fx.board.roadmap.id);
          if (status >= 400) {
            expectApiError(res, status, ERROR_CODE[status]);
            expect(after).toEqual(before);
          } else {
            expect(res.status).toBe(status);
            if (route.mutates === true) {
              expect(after.activity).toHaveLength(before.activity.length + 1);
              expect(after.seq).toBe(before.seq + 1);
            } else if (route.mutates === "caller's notifications") {
              const caller = cast[who as Exclude<Who, "anonymous">].user.id;
              const othersOf = (st: typeof before) => st.notifications.filter((n) => n.userId !== caller);
              expect({ ...after, notifications: othersOf(after) }).toEqual({
                ...before,
                notifications: othersOf(before),
              });
              expect(after.notifications.filter((n) => n.userId === caller && n.readAt === null)).toEqual([]);
            } else {
              expect(after).toEqual(before);
            }
          }
        });
      }
    }

    it("the comments of another team's item, or its comments by id: 404 for its owners' peers", async () => {
      const { db } = getCtx();
      const elsewhere = await createTeamWithMembers(db, cast.outsider);
      const board = await createBoardFixture(db, cast.outsider.actor, elsewhere.id);
      const theirs = await createComment(db, cast.outsider.actor, board.feature.id, { body: "Private" });
      const before = await collaborationState(db, board.roadmap.id);
      for (const who of ["owner", "editor"] as const) {
        const token = cast[who].token;
        for (const res of [
          await api("GET /api/items/{itemId}/comments", { params: { itemId: board.feature.id }, token }),
          await api("POST /api/comments/{commentId}/resolve", { params: { commentId: theirs.id }, token }),
          await api("DELETE /api/comments/{commentId}", {
            params: { commentId: theirs.id },
            token,
            ifMatch: 1,
          }),
          await api("GET /api/roadmaps/{roadmapId}/activity", {
            params: { roadmapId: board.roadmap.id },
            token,
          }),
        ]) {
          expectApiError(res, 404, "not_found");
        }
      }
      expect(await collaborationState(db, board.roadmap.id)).toEqual(before);
    });
  });

  describe("resource routes", () => {
    let shared: ResourceFixture;
    /** A board of a team none of the cast belongs to. */
    let foreign: ResourceFixture;
    beforeAll(async () => {
      const { db } = getCtx();
      shared = await createResourceFixture(db, cast, sharedTeam.team.id);
      const stranger = await createUser(db, "stranger");
      const otherTeam = await createTeamWithMembers(db, stranger);
      await createSkill(db, stranger.actor, otherTeam.id, { name: "Backend" });
      foreign = await createResourceFixture(db, { ...cast, owner: stranger }, otherTeam.id);
    });

    /** Refused callers share one board per route (a refusal must leave it as it was). */
    const refusalBoards = new Map<RouteKey, ResourceFixture>();
    async function fixtureFor(route: ResourceRouteCase, allowed: boolean) {
      if (!route.mutates) return shared;
      const existing = refusalBoards.get(route.key);
      if (!allowed && existing) return existing;
      const { db } = getCtx();
      const fx = await createResourceFixture(db, cast, sharedTeam.team.id);
      await route.setup?.(db, cast, fx);
      if (!allowed) refusalBoards.set(route.key, fx);
      return fx;
    }

    for (const route of RESOURCE_ROUTES) {
      for (const who of EVERYONE) {
        const status = route.expect[who];
        it(`${route.key} as ${who}: ${status}`, async () => {
          const { db } = getCtx();
          const fx = await fixtureFor(route, status < 400);
          const before = await resourceState(db, fx.board.roadmap.id);

          const res = await api(route.key, { ...route.request(fx), token: tokenOf(who) });

          const after = await resourceState(db, fx.board.roadmap.id);
          if (status >= 400) {
            expectApiError(res, status, ERROR_CODE[status]);
            expect(after).toEqual(before);
          } else {
            expect(res.status).toBe(status);
            if (route.mutates) {
              expect(after.activity).toHaveLength(before.activity.length + 1);
              expect(after.seq).toBe(before.seq + 1);
            } else {
              expect(after).toEqual(before);
            }
          }
        });
      }
    }

    for (const route of RESOURCE_ROUTES) {
      it(`${route.key} with another team's ids, as an owner and an editor: 404, nothing changes`, async () => {
        const { db } = getCtx();
        const before = await resourceState(db, foreign.board.roadmap.id);
        for (const who of ["owner", "editor"] as const) {
          const res = await api(route.key, { ...route.request(foreign), token: tokenOf(who) });
          expectApiError(res, 404, "not_found");
        }
        expect(await resourceState(db, foreign.board.roadmap.id)).toEqual(before);
      });

      it(`${route.key} with a path id that is not a UUID, or names nothing: 404`, async () => {
        const options = route.request(shared);
        for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
          const params = Object.fromEntries(Object.keys(options.params ?? {}).map((k) => [k, id]));
          const res = await api(route.key, { ...options, params, token: cast.owner.token });
          expectApiError(res, 404, "not_found");
        }
      });
    }
  });

  describe("account routes", () => {
    const teamCount = async () => (await getCtx().db.select({ n: count() }).from(teams))[0].n;

    it("POST /api/register: 201 for anyone, signed in or not", async () => {
      for (const token of [undefined, cast.outsider.token]) {
        const email = uniqueEmail("newcomer");
        const res = await api("POST /api/register", {
          token,
          json: { email, name: "New Comer", password: "a long enough password" },
          headers: { "x-forwarded-for": "198.51.100.10" },
        });
        expect(res.status).toBe(201);
        expect(res.json).toEqual({ user: { id: expect.any(String), email, name: "New Comer" } });
      }
    });

    for (const key of ["GET /api/me", "GET /api/tokens", "GET /api/teams"] as const) {
      it(`${key}: 200 signed in, 401 anonymous`, async () => {
        // Token management needs a session (a token gets 403 session_required, token-scopes.test.ts).
        const signedIn: CallOptions =
          key === "GET /api/tokens"
            ? { headers: await browserHeaders(getCtx().db, cast.outsider.user.id) }
            : { token: cast.outsider.token };
        const ok = await api(key, signedIn);
        expect(ok.status).toBe(200);
        const refused = await api(key);
        expect(refused.status).toBe(401);
        expect(refused.json.error.code).toBe("unauthenticated");
      });
    }

    it("GET /api/me and GET /api/teams list exactly the caller's own teams", async () => {
      const me = await api("GET /api/me", { token: cast.viewer.token });
      expect(me.json.user).toEqual(cast.viewer.user);
      expect(me.json.teams).toContainEqual({
        id: sharedTeam.team.id,
        name: sharedTeam.team.name,
        slug: sharedTeam.team.slug,
        role: "viewer",
      });
      const outsider = await api("GET /api/teams", { token: cast.outsider.token });
      expect(outsider.json.items.map((t: { id: string }) => t.id)).not.toContain(sharedTeam.team.id);
    });

    it("POST /api/tokens: 201 signed in, 401 anonymous and no token is made", async () => {
      const { db } = getCtx();
      const before = await liveTokenIds(db, cast.outsider.user.id);
      const refused = await api("POST /api/tokens", { json: { name: "sneaky" } });
      expect(refused.status).toBe(401);
      expect(await liveTokenIds(db, cast.outsider.user.id)).toEqual(before);

      const headers = await browserHeaders(db, cast.outsider.user.id);
      const ok = await api("POST /api/tokens", { headers, json: { name: "ci" } });
      expect(ok.status).toBe(201);
      expect(await liveTokenIds(db, cast.outsider.user.id)).toEqual([...before, ok.json.token.id].sort());
    });

    it("DELETE /api/tokens/{tokenId}: 200 for its owner, 404 for another user, 401 anonymous", async () => {
      const { db } = getCtx();
      const { token, secret } = await createToken(db, cast.editor.actor, { name: "to revoke" });

      const anonymous = await api("DELETE /api/tokens/{tokenId}", { params: { tokenId: token.id } });
      expect(anonymous.status).toBe(401);
      const stranger = await api("DELETE /api/tokens/{tokenId}", {
        params: { tokenId: token.id },
        headers: await browserHeaders(db, cast.outsider.user.id),
      });
      expect(stranger.status).toBe(404);
      expect(stranger.json.error.code).toBe("not_found");
      expect(await liveTokenIds(db, cast.editor.user.id)).toContain(token.id);
      expect((await api("GET /api/me", { token: secret })).status).toBe(200);

      const own = await api("DELETE /api/tokens/{tokenId}", {
        params: { tokenId: token.id },
        headers: await browserHeaders(db, cast.editor.user.id),
      });
      expect(own.status).toBe(200);
      expect(await liveTokenIds(db, cast.editor.user.id)).not.toContain(token.id);
    });

    it("POST /api/teams: 201 signed in (caller becomes owner), 401 anonymous and no team is made", async () => {
      const before = await teamCount();
      const refused = await api("POST /api/teams", { json: { name: "Ghost team" } });
      expect(refused.status).toBe(401);
      expect(await teamCount()).toBe(before);

      const ok = await api("POST /api/teams", { token: cast.outsider.token, json: { name: "Own team" } });
      expect(ok.status).toBe(201);
      expect(ok.json.role).toBe("owner");
      expect(await teamCount()).toBe(before + 1);
      const team = await api("GET /api/teams/{teamId}", {
        params: { teamId: ok.json.team.id },
        token: cast.outsider.token,
      });
      expect(team.json.role).toBe("owner");
    });

    it("POST /api/invitations/accept: 401 anonymous (invitation stays pending), 200 for the invitee", async () => {
      const { db } = getCtx();
      const team = await createTeamWithMembers(db, cast.owner);
      const { invitation, token } = await createInvitation(db, cast.owner.actor, team.id, {
        email: cast.outsider.user.email,
        role: "commenter",
      });
      const refused = await api("POST /api/invitations/accept", { json: { token } });
      expect(refused.status).toBe(401);
      const [pending] = await db
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)));
      expect(pending).toBeDefined();

      const ok = await api("POST /api/invitations/accept", { json: { token }, token: cast.outsider.token });
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ team: { id: team.id, name: team.name, slug: team.slug }, role: "commenter" });
    });

    it("GET /api/openapi.json: 200 without signing in, the OpenAPI 3.1 document of allEndpoints", async () => {
      const res = await api("GET /api/openapi.json");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(res.json.openapi).toMatch(/^3\.1\.\d+$/);
      expect(res.json).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(allEndpoints, res.json.info))));
      for (const endpoint of allEndpoints) {
        expect(res.json.paths[endpoint.path]?.[endpoint.method.toLowerCase()], endpoint.path).toBeDefined();
      }
    });
  });
});
