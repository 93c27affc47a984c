import { eq } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { LiveHub } from "@/lib/server/live/hub";
import { userTopic, type LiveMessage } from "@/lib/services/kernel/live-events";
import { verifyCredentials } from "@/lib/services/accounts/credentials";
import { api } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createUser, TEST_PASSWORD, withEnv, type TestUser } from "../helpers/fixtures";
import { cookieAfter, SESSION_COOKIE, sessionCookie } from "../helpers/session";

const NEW_PASSWORD = "a brand new passphrase";

describeEachDatabase("password change and sign out everywhere", (getCtx) => {
  let user: TestUser;
  /** Two browsers signed in as the user: "here" acts, "elsewhere" should be signed out by it. */
  let here: string;
  let elsewhere: string;
  let hub: LiveHub;
  let heard: LiveMessage[];

  beforeEach(async () => {
    const { db, handle } = getCtx();
    user = await createUser(db, "pat");
    [here, elsewhere] = await Promise.all([sessionCookie(db, user.user.id), sessionCookie(db, user.user.id)]);
    heard = [];
    hub = new LiveHub(handle);
    await hub.subscribe([userTopic(user.user.id)], { onMessage: (m) => heard.push(m), onResync: () => {} });
  });
  afterEach(() => hub.close());

  const me = (cookie: string) => api("GET /api/me", { headers: { cookie } });
  const changePassword = (json: unknown, cookie = here) =>
    api("POST /api/account/password", { json, headers: { cookie } });
  const signOutEverywhere = (cookie = here) =>
    api("POST /api/account/sessions/revoke", { json: {}, headers: { cookie } });
  const sessionVersion = async () =>
    (await getCtx().db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.user.id)))[0]
      .v;
  /** Waits long enough for a NOTIFY that should not come. */
  const quietMoment = () => new Promise((r) => setTimeout(r, 150));

  /** Nothing about the account changed: the old password works, both sessions hold, no message. */
  async function expectUnchanged(versionBefore: number) {
    expect(await sessionVersion()).toBe(versionBefore);
    expect((await verifyCredentials(getCtx().db, user.user.email, TEST_PASSWORD))?.id).toBe(user.user.id);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(200);
    await quietMoment();
    expect(heard).toEqual([]);
  }

  describe("POST /api/account/password", () => {
    it("ends every other session, keeps the caller's with a re-issued cookie, and swaps the passwords", async () => {
      const before = await sessionVersion();
      const res = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ ok: true });

      expectApiError(await me(elsewhere), 401, "unauthenticated");
      expectApiError(await me(here), 401, "unauthenticated"); // the caller's old cookie is old too
      const renewed = cookieAfter(here, res);
      expect(renewed).not.toBe(here);
      expect((await me(renewed)).json.user).toEqual(user.user);

      const setCookie = res.headers.getSetCookie();
      expect(setCookie).toHaveLength(1);
      expect(setCookie[0]).toMatch(/^authjs\.session-token=[^;]+; Path=\/; .*HttpOnly; SameSite=Lax/);
      expect(setCookie[0]).not.toMatch(/Secure/);

      expect(await sessionVersion()).toBe(before + 1);
      const { db } = getCtx();
      expect(await verifyCredentials(db, user.user.email, TEST_PASSWORD)).toBeNull();
      expect(await verifyCredentials(db, user.user.email, NEW_PASSWORD)).toMatchObject({
        id: user.user.id,
        sessionVersion: before + 1,
      });
      // Personal API tokens are not sessions: they stay until revoked on the tokens page.
      expect((await api("GET /api/me", { token: user.token })).status).toBe(200);

      await vi.waitFor(() =>
        expect(heard).toEqual([
          { topic: userTopic(user.user.id), kind: "revoked", sessionVersion: before + 1 },
        ]),
      );
    });

    it("the re-issued cookie keeps the session's claims and expiry, under the new version", async () => {
      const secret = process.env.AUTH_SECRET!;
      const old = await decode({ token: here.split("=")[1], secret, salt: SESSION_COOKIE });
      const res = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      const renewed = await decode({
        token: cookieAfter(here, res).split("=")[1],
        secret,
        salt: SESSION_COOKIE,
      });
      expect(renewed).toMatchObject({
        sub: user.user.id,
        sessionVersion: (old!.sessionVersion as number) + 1,
      });
      expect(Math.abs((renewed!.exp as number) - (old!.exp as number))).toBeLessThanOrEqual(2);
      expect(renewed!.jti).not.toBe(old!.jti);
    });

    it("a wrong current password: 403 incorrect_password, and nothing changes", async () => {
      const before = await sessionVersion();
      const res = await changePassword({ currentPassword: "not my password", newPassword: NEW_PASSWORD });
      expectApiError(res, 403, "incorrect_password");
      expect(res.headers.getSetCookie()).toEqual([]);
      await expectUnchanged(before);
    });

    it("a new password under 10 characters, or missing fields: 400 naming them, and nothing changes", async () => {
      const before = await sessionVersion();
      const short = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: "123456789" });
      expect(expectInvalidRequest(short)).toEqual(["newPassword"]);
      expect(short.json.error.details[0].message).toMatch(/10 characters/);
      expect(expectInvalidRequest(await changePassword({})).sort()).toEqual([
        "currentPassword",
        "newPassword",
      ]);
      await expectUnchanged(before);
    });

    it("guesses of the current password are limited per account: 429 with Retry-After, even for the right one", async () => {
      await withEnv({ CAIRN_LIMIT_PASSWORD_CHANGE_FAILURES: "2" }, async () => {
        const before = await sessionVersion();
        for (let i = 0; i < 2; i++) {
          const wrong = await changePassword({ currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD });
          expectApiError(wrong, 403, "incorrect_password");
        }
        const right = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
        expectApiError(right, 429, "rate_limited");
        expect(Number(right.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(Number(right.headers.get("retry-after"))).toBeLessThanOrEqual(900);
        await expectUnchanged(before);
      });
    });

    it("parallel guesses cannot share the free attempts: at most the limit are checked", async () => {
      await withEnv({ CAIRN_LIMIT_PASSWORD_CHANGE_FAILURES: "2" }, async () => {
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            changePassword({ currentPassword: `parallel guess ${i}`, newPassword: NEW_PASSWORD }),
          ),
        );
        const codes = results.map((r) => r.json.error.code).sort();
        expect(codes).toEqual([...Array(2).fill("incorrect_password"), ...Array(4).fill("rate_limited")]);
      });
    });

    it("successes and refusals for other reasons do not use up the guesses", async () => {
      await withEnv({ CAIRN_LIMIT_PASSWORD_CHANGE_FAILURES: "1" }, async () => {
        const first = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
        expect(first.status).toBe(200);
        const renewed = cookieAfter(here, first);
        const back = await changePassword(
          { currentPassword: NEW_PASSWORD, newPassword: TEST_PASSWORD },
          renewed,
        );
        expect(back.status).toBe(200);
      });
    });

    it("two changes at once with the same current password: one wins, the other's session has ended", async () => {
      const [a, b] = await Promise.all([
        changePassword({ currentPassword: TEST_PASSWORD, newPassword: "first new passphrase" }),
        changePassword({ currentPassword: TEST_PASSWORD, newPassword: "second new passphrase" }, elsewhere),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(200);
      expect([401, 403]).toContain(statuses[1]);
      const winner = a.status === 200 ? "first new passphrase" : "second new passphrase";
      expect((await verifyCredentials(getCtx().db, user.user.email, winner))?.id).toBe(user.user.id);
      expect(await sessionVersion()).toBe(1);
    });

    it("with an API token: 403 session_required; anonymous: 401; nothing changes", async () => {
      const before = await sessionVersion();
      const json = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
      expectApiError(
        await api("POST /api/account/password", { json, token: user.token }),
        403,
        "session_required",
      );
      expectApiError(await api("POST /api/account/password", { json }), 401, "unauthenticated");
      await expectUnchanged(before);
    });
  });

  describe("POST /api/account/sessions/revoke", () => {
    it("ends every session, the caller's included, and deletes the caller's cookie", async () => {
      const before = await sessionVersion();
      const res = await signOutEverywhere();
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()).toEqual([
        expect.stringMatching(/^authjs\.session-token=; .*Max-Age=0/),
      ]);
      expect(cookieAfter(here, res)).toBe("");
      for (const cookie of [here, elsewhere]) expectApiError(await me(cookie), 401, "unauthenticated");
      expect(await sessionVersion()).toBe(before + 1);
      await vi.waitFor(() =>
        expect(heard).toEqual([
          { topic: userTopic(user.user.id), kind: "revoked", sessionVersion: before + 1 },
        ]),
      );

      // Signing in again works as ever, and tokens were never sessions.
      expect((await me(await sessionCookie(getCtx().db, user.user.id))).status).toBe(200);
      expect((await api("GET /api/me", { token: user.token })).status).toBe(200);
    });

    it("an ended session cannot end the new ones", async () => {
      await signOutEverywhere();
      const fresh = await sessionCookie(getCtx().db, user.user.id);
      expectApiError(await signOutEverywhere(elsewhere), 401, "unauthenticated");
      expect((await me(fresh)).status).toBe(200);
    });

    it("with an API token: 403 session_required, and every session holds", async () => {
      const before = await sessionVersion();
      const res = await api("POST /api/account/sessions/revoke", { json: {}, token: user.token });
      expectApiError(res, 403, "session_required");
      await expectUnchanged(before);
    });
  });

  it("a cookie from before session versions (no version claim) counts as version 0", async () => {
    const { encode } = await import("next-auth/jwt");
    const legacy = `${SESSION_COOKIE}=${await encode({
      token: { sub: user.user.id },
      secret: process.env.AUTH_SECRET!,
      salt: SESSION_COOKIE,
    })}`;
    expect((await me(legacy)).status).toBe(200);
    await signOutEverywhere();
    expectApiError(await me(legacy), 401, "unauthenticated");
  });
});

describe("the sign-in callback", () => {
  it("puts the account's session version into the new session's token", async () => {
    const { authConfig } = await import("@/lib/server/auth-config");
    const jwt = authConfig.callbacks.jwt as (args: { token: object; user?: object }) => object;
    expect(jwt({ token: {}, user: { id: "u1", sessionVersion: 4 } })).toEqual({
      sub: "u1",
      sessionVersion: 4,
    });
    // Later calls (no user) keep what the cookie says.
    expect(jwt({ token: { sub: "u1", sessionVersion: 4 } })).toEqual({ sub: "u1", sessionVersion: 4 });
  });
});
