import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/services/accounts/credentials";
import { hashSecret } from "@/lib/services/kernel/secrets";
import { createToken } from "@/lib/services/accounts/tokens";
import { api } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createUser, liveTokenIds, uniqueEmail, type TestUser } from "../helpers/fixtures";
import { browserHeaders } from "../helpers/session";

const register = (json: unknown, ip = "192.0.2.1") =>
  api("POST /api/register", { json, headers: { "x-forwarded-for": ip } });

describeEachDatabase("accounts and tokens", (getCtx) => {
  let alice: TestUser;
  let bob: TestUser;
  /** Token management needs a session (api.md): each one's browser. */
  let aliceBrowser: { headers: Record<string, string> };
  let bobBrowser: { headers: Record<string, string> };

  beforeAll(async () => {
    const { db } = getCtx();
    [alice, bob] = await Promise.all([createUser(db, "alice"), createUser(db, "bob")]);
    aliceBrowser = { headers: await browserHeaders(db, alice.user.id) };
    bobBrowser = { headers: await browserHeaders(db, bob.user.id) };
  });

  const usersWithEmail = async (email: string) =>
    getCtx()
      .db.select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));

  describe("POST /api/register", () => {
    it("creates the account with the email trimmed and lower-cased, and the password works", async () => {
      const local = uniqueEmail("Mixed");
      const res = await register({
        email: `  ${local.toUpperCase()} `,
        name: "  Mixed Case  ",
        password: "ten chars!",
      });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({
        user: { id: expect.any(String), email: local.toLowerCase(), name: "Mixed Case" },
      });
      expect(res.text).not.toMatch(/argon|password/i);
      const user = await verifyCredentials(getCtx().db, local.toUpperCase(), "ten chars!");
      expect(user?.id).toBe(res.json.user.id);
      expect(await verifyCredentials(getCtx().db, local, "ten chars?")).toBeNull();
    });

    it("the same email in another case: 409 conflict, and still one account", async () => {
      const email = uniqueEmail("dup");
      expect((await register({ email, name: "First", password: "a long password" })).status).toBe(201);
      const again = await register({
        email: email.toUpperCase(),
        name: "Second",
        password: "another long one",
      });
      expectApiError(again, 409, "conflict");
      expect(await usersWithEmail(email)).toHaveLength(1);
    });

    it("a password under 10 characters: 400 naming the password, and no account", async () => {
      const email = uniqueEmail("short");
      const res = await register({ email, name: "Shorty", password: "123456789" });
      expect(expectInvalidRequest(res)).toEqual(["password"]);
      expect(res.json.error.details[0].message).toMatch(/10 characters/);
      expect(await usersWithEmail(email)).toHaveLength(0);
    });

    it("an invalid email or an empty name: 400 for each", async () => {
      const res = await register({
        email: "nobody at example",
        name: "   ",
        password: "long enough password",
      });
      expect(expectInvalidRequest(res).sort()).toEqual(["email", "name"]);
    });
  });

  describe("personal API tokens", () => {
    it("POST /api/tokens shows the secret once; it works as a bearer token; only its hash is stored", async () => {
      const { db } = getCtx();
      const res = await api("POST /api/tokens", {
        ...aliceBrowser,
        json: { name: "deploy script", expiresInDays: 30 },
      });
      expect(res.status).toBe(201);
      const { token, secret } = res.json;
      expect(token).toMatchObject({ name: "deploy script", lastUsedAt: null, scopes: ["read", "write"] });
      expect(secret).toMatch(/^cairn_[\w-]{40,}$/);
      const days = (new Date(token.expiresAt).getTime() - new Date(token.createdAt).getTime()) / 86_400_000;
      expect(days).toBeCloseTo(30, 2);

      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
      expect(row.tokenHash).toBe(hashSecret(secret));
      expect(JSON.stringify(row)).not.toContain(secret);

      const me = await api("GET /api/me", { token: secret });
      expect(me.status).toBe(200);
      expect(me.json.user).toEqual(alice.user);
    });

    it("a token without expiresInDays does not expire", async () => {
      const res = await api("POST /api/tokens", { ...aliceBrowser, json: { name: "forever" } });
      expect(res.status).toBe(201);
      expect(res.json.token.expiresAt).toBeNull();
    });

    it("expiresInDays outside 1..3650: 400", async () => {
      for (const expiresInDays of [0, 3651, 1.5, -1]) {
        const res = await api("POST /api/tokens", {
          ...aliceBrowser,
          json: { name: "bad", expiresInDays },
        });
        expect(expectInvalidRequest(res)).toEqual(["expiresInDays"]);
      }
    });

    it("GET /api/tokens lists the caller's tokens without any secret or hash", async () => {
      const { db } = getCtx();
      const { secret } = await createToken(db, bob.actor, { name: "listed" });
      const res = await api("GET /api/tokens", bobBrowser);
      expect(res.status).toBe(200);
      for (const s of [secret, bob.token]) {
        expect(res.text).not.toContain(s);
        expect(res.text).not.toContain(s.slice(12));
        expect(res.text).not.toContain(hashSecret(s));
      }
      for (const item of res.json.items) {
        expect(Object.keys(item).sort()).toEqual([
          "createdAt",
          "expiresAt",
          "id",
          "lastUsedAt",
          "name",
          "prefix",
          "scopes",
        ]);
      }
      expect(res.json.items.map((t: { id: string }) => t.id).sort()).toEqual(
        await liveTokenIds(db, bob.user.id),
      );
      expect(res.json.items.map((t: { name: string }) => t.name)).toContain("listed");
    });

    it("lastUsedAt is set once a token is used", async () => {
      const { token, secret } = await createToken(getCtx().db, bob.actor, { name: "tracked" });
      const listed = async () =>
        (await api("GET /api/tokens", bobBrowser)).json.items.find((t: { id: string }) => t.id === token.id);
      expect((await listed()).lastUsedAt).toBeNull();

      const before = Date.now();
      expect((await api("GET /api/teams", { token: secret })).status).toBe(200);
      const used = (await listed()).lastUsedAt;
      expect(used).not.toBeNull();
      expect(new Date(used).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(used).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it("a revoked token: 401, and it is no longer listed; revoking again: 404", async () => {
      const { token, secret } = await createToken(getCtx().db, alice.actor, { name: "short-lived" });
      expect((await api("GET /api/me", { token: secret })).status).toBe(200);
      const revoke = () =>
        api("DELETE /api/tokens/{tokenId}", { params: { tokenId: token.id }, ...aliceBrowser });
      expect((await revoke()).status).toBe(200);

      expectApiError(await api("GET /api/me", { token: secret }), 401, "unauthenticated");
      const list = await api("GET /api/tokens", aliceBrowser);
      expect(list.json.items.map((t: { id: string }) => t.id)).not.toContain(token.id);
      expectApiError(await revoke(), 404, "not_found");
    });

    it("a token cannot revoke itself (token management needs a session), and keeps working", async () => {
      const { token, secret } = await createToken(getCtx().db, alice.actor, { name: "self-destruct" });
      const res = await api("DELETE /api/tokens/{tokenId}", { params: { tokenId: token.id }, token: secret });
      expectApiError(res, 403, "session_required");
      expect(await liveTokenIds(getCtx().db, alice.user.id)).toContain(token.id);
      expect((await api("GET /api/me", { token: secret })).status).toBe(200);
    });

    it("an expired token: 401", async () => {
      const { db } = getCtx();
      const { token, secret } = await createToken(db, alice.actor, { name: "expiring", expiresInDays: 1 });
      expect((await api("GET /api/me", { token: secret })).status).toBe(200);
      await db
        .update(apiTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiTokens.id, token.id));
      expectApiError(await api("GET /api/me", { token: secret }), 401, "unauthenticated");
    });

    it("a bogus bearer token: 401 on every authenticated route", async () => {
      for (const token of ["cairn_not-a-real-token", "x", alice.token.slice(0, -1)]) {
        expectApiError(await api("GET /api/me", { token }), 401, "unauthenticated");
        expectApiError(
          await api("POST /api/teams", { token, json: { name: "Nope" } }),
          401,
          "unauthenticated",
        );
      }
    });
  });

  describe("session cookie", () => {
    const cookieFor = async (sub: string, secret = process.env.AUTH_SECRET!) =>
      `authjs.session-token=${await encode({ token: { sub }, secret, salt: "authjs.session-token" })}`;

    it("a valid Auth.js session cookie identifies the user", async () => {
      const res = await api("GET /api/me", { headers: { cookie: await cookieFor(bob.user.id) } });
      expect(res.status).toBe(200);
      expect(res.json.user).toEqual(bob.user);
    });

    it("a cookie signed with another secret: 401", async () => {
      const forged = await cookieFor(bob.user.id, "not-the-secret-0123456789abcdef0123456789");
      expectApiError(await api("GET /api/me", { headers: { cookie: forged } }), 401, "unauthenticated");
    });

    it("a bad Authorization header is not rescued by a good cookie", async () => {
      const res = await api("GET /api/me", {
        token: "cairn_bogus",
        headers: { cookie: await cookieFor(bob.user.id) },
      });
      expectApiError(res, 401, "unauthenticated");
    });
  });
});
