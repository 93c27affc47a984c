import { randomUUID } from "node:crypto";
import { count, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { teams } from "@/db/schema";
import { route } from "@/lib/server/route";
import { MAX_JSON_BODY_BYTES } from "@/lib/server/request-body";
import { AppError } from "@/lib/services/kernel/errors";
import { defineEndpoint } from "@/lib/validation/endpoint";
import { api, callHandler, type RouteKey } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import {
  createTeamWithMembers,
  createUser,
  teamState,
  uniqueEmail,
  type TestUser,
} from "../helpers/fixtures";
import { browserHeaders } from "../helpers/session";
import type { Team } from "@/lib/validation/teams";

describeEachDatabase("request errors", (getCtx) => {
  let owner: TestUser;
  let member: TestUser;
  let team: Team;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, member] = await Promise.all([createUser(db, "owner"), createUser(db, "member")]);
    team = await createTeamWithMembers(db, owner, [{ member, role: "viewer" }]);
  });

  const teamCount = async () => (await getCtx().db.select({ n: count() }).from(teams))[0].n;

  describe("bodies that are not JSON or fail the schema: 400 invalid_request", () => {
    it("malformed JSON", async () => {
      const before = await teamCount();
      const res = await api("POST /api/teams", { token: owner.token, body: '{"name": "Half' });
      expectInvalidRequest(res);
      expect(res.json.error.message).toMatch(/JSON/);
      expect(await teamCount()).toBe(before);
    });

    it("an empty body where one is required", async () => {
      const res = await api("POST /api/teams", { token: owner.token });
      expectInvalidRequest(res);
    });

    it("JSON that is not an object", async () => {
      for (const body of ["null", "[]", '"a team"', "42"]) {
        const res = await api("POST /api/teams", { token: owner.token, body });
        expectInvalidRequest(res);
      }
    });

    it("a field of the wrong type names the field", async () => {
      const res = await api("POST /api/teams", { token: owner.token, json: { name: 42 } });
      expect(expectInvalidRequest(res)).toEqual(["name"]);
      expect(res.json.error.details[0].message).toBe("Team name must be text.");
    });

    it("missing fields are each listed", async () => {
      const res = await api("POST /api/register", {
        json: {},
        headers: { "x-forwarded-for": "198.51.100.20" },
      });
      expect(expectInvalidRequest(res).sort()).toEqual(["email", "name", "password"]);
    });

    it("several wrong fields are each listed", async () => {
      const res = await api("POST /api/tokens", {
        headers: await browserHeaders(getCtx().db, owner.user.id),
        json: { name: "", expiresInDays: "thirty" },
      });
      expect(expectInvalidRequest(res).sort()).toEqual(["expiresInDays", "name"]);
    });

    it("an unknown role: 400 on invitations and role changes, nothing changes", async () => {
      const { db } = getCtx();
      const before = await teamState(db, team.id);
      const invite = await api("POST /api/teams/{teamId}/invitations", {
        params: { teamId: team.id },
        token: owner.token,
        json: { email: uniqueEmail("admin"), role: "admin" },
      });
      expect(expectInvalidRequest(invite)).toEqual(["role"]);
      const change = await api("PATCH /api/teams/{teamId}/members/{userId}", {
        params: { teamId: team.id, userId: member.user.id },
        token: owner.token,
        json: { role: "Owner" },
      });
      expect(expectInvalidRequest(change)).toEqual(["role"]);
      expect(await teamState(db, team.id)).toEqual(before);
    });
  });

  describe("body size", () => {
    const padded = (bytes: number) => {
      const prefix = '{"name":"';
      const suffix = '"}';
      return prefix + "x".repeat(bytes - prefix.length - suffix.length) + suffix;
    };

    it("a body over 1 MiB: 413 payload_too_large, and nothing is created", async () => {
      const before = await teamCount();
      const body = padded(MAX_JSON_BODY_BYTES + 1);
      expect(Buffer.byteLength(body)).toBe(1024 * 1024 + 1);
      const res = await api("POST /api/teams", { token: owner.token, body });
      expectApiError(res, 413, "payload_too_large");
      expect(await teamCount()).toBe(before);
    });

    it("a declared Content-Length over 1 MiB is refused without reading the body", async () => {
      const res = await api("POST /api/teams", {
        token: owner.token,
        body: padded(64),
        headers: { "content-length": String(5 * 1024 * 1024) },
      });
      expectApiError(res, 413, "payload_too_large");
    });

    it("a body of exactly 1 MiB is read (and then judged by the schema)", async () => {
      const res = await api("POST /api/teams", { token: owner.token, body: padded(MAX_JSON_BODY_BYTES) });
      expect(expectInvalidRequest(res)).toEqual(["name"]);
    });
  });

  describe("ids in the path", () => {
    const cases: [RouteKey, Record<string, string>][] = [
      ["GET /api/teams/{teamId}", { teamId: "not-a-uuid" }],
      ["GET /api/teams/{teamId}/members", { teamId: "1' OR '1'='1" }],
      ["GET /api/teams/{teamId}/skills", { teamId: "42" }],
      ["DELETE /api/tokens/{tokenId}", { tokenId: "abc" }],
      ["DELETE /api/invitations/{invitationId}", { invitationId: "../../etc" }],
    ];
    for (const [key, params] of cases) {
      it(`${key} with ${JSON.stringify(params)}: 404 not_found`, async () => {
        // Token management needs a session: a token would get 403 session_required first.
        const as = key.includes("/api/tokens/")
          ? { headers: await browserHeaders(getCtx().db, owner.user.id) }
          : { token: owner.token };
        expectApiError(await api(key, { params, ...as }), 404, "not_found");
      });
    }

    it("a non-UUID member id on PATCH: 404, and the team is unchanged", async () => {
      const before = await teamState(getCtx().db, team.id);
      const res = await api("PATCH /api/teams/{teamId}/members/{userId}", {
        params: { teamId: team.id, userId: "me" },
        token: owner.token,
        json: { role: "editor" },
      });
      expectApiError(res, 404, "not_found");
      expect(await teamState(getCtx().db, team.id)).toEqual(before);
    });

    it("a well-formed id that names nothing: 404", async () => {
      const id = randomUUID();
      expectApiError(
        await api("GET /api/teams/{teamId}", { params: { teamId: id }, token: owner.token }),
        404,
        "not_found",
      );
      expectApiError(
        await api("DELETE /api/tokens/{tokenId}", {
          params: { tokenId: id },
          headers: await browserHeaders(getCtx().db, owner.user.id),
        }),
        404,
        "not_found",
      );
      expectApiError(
        await api("DELETE /api/invitations/{invitationId}", {
          params: { invitationId: id },
          token: owner.token,
        }),
        404,
        "not_found",
      );
    });
  });

  describe("headers", () => {
    it("an If-Match that names no version: 400", async () => {
      const res = await api("PATCH /api/teams/{teamId}", {
        params: { teamId: team.id },
        token: owner.token,
        ifMatch: "yesterday",
        json: { name: "Never" },
      });
      expect(expectInvalidRequest(res)).toEqual(["If-Match"]);
      expect((await teamState(getCtx().db, team.id)).team?.name).toBe(team.name);
    });

    it("an Authorization header that is not a bearer token: 401", async () => {
      for (const authorization of [
        "Basic dXNlcjpwYXNz",
        "Bearer",
        `Token ${owner.token}`,
        `Bearer ${owner.token} extra`,
      ]) {
        const res = await api("GET /api/me", { headers: { authorization } });
        expectApiError(res, 401, "unauthenticated");
      }
    });
  });

  describe("unexpected failures", () => {
    const boom = defineEndpoint({
      method: "GET",
      path: "/api/boom",
      summary: "fails",
      tag: "Test",
      auth: "none",
    });

    it("a 500 says nothing about the cause (no stack, no SQL) and the log keeps it", async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const handler = route(boom, async () => {
          const cause = new Error('relation "users" does not exist');
          throw Object.assign(
            new Error('Failed query: select "password_hash" from "users" where "id" = $1'),
            {
              cause,
            },
          );
        });
        const res = await callHandler(handler, "GET", "/api/boom");
        expectApiError(res, 500, "internal");
        expect(res.text).not.toContain("password_hash");
        expect(logged).toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });

    it("a real database error inside a handler is a clean 500 too", async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const handler = route(boom, async ({ db }) => {
          await db.execute(sql.raw("select * from table_that_does_not_exist"));
          return { body: {} };
        });
        const res = await callHandler(handler, "GET", "/api/boom");
        expectApiError(res, 500, "internal");
        expect(res.text).not.toContain("table_that_does_not_exist");
      } finally {
        logged.mockRestore();
      }
    });

    it("a client that went away is not logged as a failure: its aborted request ends quietly", async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const gone = new AbortController();
        const handler = route(boom, async ({ req }) => {
          gone.abort();
          throw req.signal.reason;
        });
        const req = new Request("http://localhost/api/boom", { signal: gone.signal });
        const res = await handler(req, { params: Promise.resolve({}) });
        expect(res.status).toBe(499);
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });

    it("an AppError thrown by a handler keeps its own status and message", async () => {
      const handler = route(boom, async () => {
        throw new AppError("conflict", "That name is taken; pick another one.");
      });
      const res = await callHandler(handler, "GET", "/api/boom");
      expectApiError(res, 409, "conflict");
      expect(res.json.error.message).toBe("That name is taken; pick another one.");
      expect(res.headers.get("cache-control")).toBe("no-store");
    });
  });
});
