import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiTokens, teams } from "@/db/schema";
import { LiveHub } from "@/lib/server/live/hub";
import { userTopic, type LiveMessage } from "@/lib/services/kernel/live-events";
import { allEndpoints } from "@/lib/validation/endpoints";
import { api, ROUTES, type RouteKey } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import {
  createTeamWithMembers,
  createUser,
  liveTokenIds,
  teamState,
  type TestUser,
} from "../helpers/fixtures";
import { browserHeaders } from "../helpers/session";
import type { Team } from "@/lib/validation/teams";

describeEachDatabase("token management and scopes", (getCtx) => {
  let owner: TestUser;
  let team: Team;
  let browser: { headers: Record<string, string> };
  /** A read-only token of the owner, minted through the API. */
  let reader: { id: string; secret: string };

  const mint = async (json: unknown) => api("POST /api/tokens", { ...browser, json });

  beforeAll(async () => {
    const { db } = getCtx();
    owner = await createUser(db, "owner");
    team = await createTeamWithMembers(db, owner);
    browser = { headers: await browserHeaders(db, owner.user.id) };
    const res = await mint({ name: "dashboard reader", scopes: ["read"] });
    expect(res.status).toBe(201);
    reader = { id: res.json.token.id, secret: res.json.secret };
  });

  const tokenCount = async () => (await getCtx().db.select({ n: count() }).from(apiTokens))[0].n;

  describe("token management needs a session", () => {
    it("a token minting a token: 403 session_required, and no token is made (not even by a read-write one)", async () => {
      const before = await tokenCount();
      for (const token of [owner.token, reader.secret]) {
        const res = await api("POST /api/tokens", { token, json: { name: "permanent copy" } });
        expectApiError(res, 403, "session_required");
        expect(res.json.error.message).toMatch(/sign in/i);
      }
      expect(await tokenCount()).toBe(before);
    });

    it("listing and revoking with a token: 403 session_required, and the tokens stay", async () => {
      const before = await liveTokenIds(getCtx().db, owner.user.id);
      expectApiError(await api("GET /api/tokens", { token: owner.token }), 403, "session_required");
      const revoke = await api("DELETE /api/tokens/{tokenId}", {
        params: { tokenId: reader.id },
        token: owner.token,
      });
      expectApiError(revoke, 403, "session_required");
      expect(await liveTokenIds(getCtx().db, owner.user.id)).toEqual(before);
    });

    it("token management and the account's password and sessions are session-only, in the OpenAPI document too", async () => {
      const doc = (await api("GET /api/openapi.json")).json;
      const sessionOnly = [
        ["delete", "/api/tokens/{tokenId}"],
        ["get", "/api/tokens"],
        ["post", "/api/tokens"],
        ["post", "/api/account/password"],
        ["post", "/api/account/sessions/revoke"],
      ];
      for (const [method, path] of sessionOnly) {
        expect(allEndpoints.find((e) => e.method.toLowerCase() === method && e.path === path)?.auth).toBe(
          "session",
        );
        expect(doc.paths[path][method].security, `${method} ${path}`).toEqual([{ session: [] }]);
      }
      expect(doc.paths["/api/me"].get.security).toBeUndefined();
    });
  });

  describe("scopes", () => {
    it("tokens are read-write unless asked otherwise; the scopes are listed with each token", async () => {
      const both = await mint({ name: "both" });
      expect(both.json.token.scopes).toEqual(["read", "write"]);
      const listed = await api("GET /api/tokens", browser);
      const byId = new Map(listed.json.items.map((t: { id: string; scopes: string[] }) => [t.id, t.scopes]));
      expect(byId.get(both.json.token.id)).toEqual(["read", "write"]);
      expect(byId.get(reader.id)).toEqual(["read"]);
    });

    it('scopes other than ["read"] or ["read", "write"]: 400 naming scopes, and no token', async () => {
      const before = await tokenCount();
      for (const scopes of [["write"], ["admin"], [], "read", ["read", "read"], ["write", "read"], null]) {
        const res = await mint({ name: "odd", scopes });
        expect(expectInvalidRequest(res), JSON.stringify(scopes)).toEqual(["scopes"]);
      }
      expect(await tokenCount()).toBe(before);
    });

    it("a read-only token reads", async () => {
      for (const [key, params] of [
        ["GET /api/me", {}],
        ["GET /api/teams", {}],
        ["GET /api/teams/{teamId}", { teamId: team.id }],
        ["GET /api/teams/{teamId}/roadmaps", { teamId: team.id }],
      ] as [RouteKey, Record<string, string>][]) {
        expect((await api(key, { params, token: reader.secret })).status, key).toBe(200);
      }
    });

    it("a read-only token writing: 403 insufficient_scope, and nothing is written", async () => {
      const { db } = getCtx();
      const before = {
        team: await teamState(db, team.id),
        teams: (await db.select({ n: count() }).from(teams))[0].n,
      };
      const attempts: [RouteKey, object][] = [
        ["POST /api/teams", { json: { name: "Sneaky team" } }],
        ["PATCH /api/teams/{teamId}", { params: { teamId: team.id }, json: { name: "Renamed" }, ifMatch: 1 }],
        ["POST /api/teams/{teamId}/skills", { params: { teamId: team.id }, json: { name: "Go" } }],
        [
          "POST /api/teams/{teamId}/roadmaps",
          { params: { teamId: team.id }, json: { title: "Quietly", startDate: "2027-01-04" } },
        ],
        ["DELETE /api/teams/{teamId}", { params: { teamId: team.id }, ifMatch: 1 }],
      ];
      for (const [key, options] of attempts) {
        const res = await api(key, { ...options, token: reader.secret });
        expectApiError(res, 403, "insufficient_scope");
        expect(res.json.error.details).toEqual({ required: "write", granted: ["read"] });
      }
      expect({
        team: await teamState(db, team.id),
        teams: (await db.select({ n: count() }).from(teams))[0].n,
      }).toEqual(before);
    });

    it("every write operation of the API refuses a read-only token before looking at anything else", async () => {
      const refusedWith = new Map<string, string>();
      for (const endpoint of allEndpoints) {
        if (endpoint.method === "GET" || endpoint.auth === "none") continue;
        const key = `${endpoint.method} ${endpoint.path}` as RouteKey;
        expect(ROUTES[key], key).toBeDefined();
        const params = Object.fromEntries(
          [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], randomUUID()]),
        );
        const res = await api(key, { params, token: reader.secret, json: {} });
        refusedWith.set(key, `${res.status} ${res.json?.error?.code}`);
      }
      const expected = (key: string) =>
        allEndpoints.find((e) => `${e.method} ${e.path}` === key)?.auth === "session"
          ? "403 session_required"
          : "403 insufficient_scope";
      expect(refusedWith.size).toBeGreaterThan(40);
      for (const [key, outcome] of refusedWith) expect(outcome, key).toBe(expected(key));
    });

    it("a read-write token writes", async () => {
      const res = await api("POST /api/teams/{teamId}/skills", {
        params: { teamId: team.id },
        token: owner.token,
        json: { name: `Skill ${randomUUID().slice(0, 6)}` },
      });
      expect(res.status).toBe(201);
    });
  });

  it("the tokens page's data: lastUsedAt appears once a token is used", async () => {
    const made = await mint({ name: "tracked", scopes: ["read"] });
    const listed = async () =>
      (await api("GET /api/tokens", browser)).json.items.find(
        (t: { id: string }) => t.id === made.json.token.id,
      );
    expect((await listed()).lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await api("GET /api/teams", { token: made.json.secret })).status).toBe(200);
    const used = (await listed()).lastUsedAt;
    expect(Date.parse(used)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(used)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("revoking a token (with a session) tells every instance at commit, so its streams close", async () => {
    const made = await mint({ name: "streaming" });
    const hub = new LiveHub(getCtx().handle);
    const heard: LiveMessage[] = [];
    await hub.subscribe([userTopic(owner.user.id)], { onMessage: (m) => heard.push(m), onResync: () => {} });
    try {
      const res = await api("DELETE /api/tokens/{tokenId}", {
        ...browser,
        params: { tokenId: made.json.token.id },
      });
      expect(res.status).toBe(200);
      await vi.waitFor(() =>
        expect(heard).toEqual([
          { topic: userTopic(owner.user.id), kind: "revoked", tokenId: made.json.token.id },
        ]),
      );
      expectApiError(await api("GET /api/me", { token: made.json.secret }), 401, "unauthenticated");

      // Revoking it again names nothing: 404, and no second message.
      const again = await api("DELETE /api/tokens/{tokenId}", {
        ...browser,
        params: { tokenId: made.json.token.id },
      });
      expectApiError(again, 404, "not_found");
      await new Promise((r) => setTimeout(r, 150));
      expect(heard).toHaveLength(1);
    } finally {
      await hub.close();
    }
  });
});
