import { count } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { teams } from "@/db/schema";
import { actorFromCookieHeader } from "@/lib/server/actor";
import proxy from "@/proxy";
import { api } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createUser, type TestUser } from "../helpers/fixtures";
import { SESSION_COOKIE, sessionCookie } from "../helpers/session";

const secret = () => process.env.AUTH_SECRET!;
const jwtCookie = async (token: Record<string, unknown>, options: { maxAge?: number } = {}) =>
  `${SESSION_COOKIE}=${await encode({ token, secret: secret(), salt: SESSION_COOKIE, ...options })}`;

describeEachDatabase("malformed cookies and headers are a signed-out visitor", (getCtx) => {
  let user: TestUser;
  let valid: string;
  /** Cookie headers that identify nobody, each with what is wrong with it. */
  let badCookies: [string, string][];

  beforeAll(async () => {
    user = await createUser(getCtx().db, "mallory");
    valid = await sessionCookie(getCtx().db, user.user.id);
    const jwt = valid.split("=")[1];
    badCookies = [
      ["malformed percent-encoding", `${SESSION_COOKIE}=%E0%A4%A`],
      ["a lone percent sign", `${SESSION_COOKIE}=%`],
      ["not a JWT", `${SESSION_COOKIE}=hello`],
      ["five garbage JWT parts", `${SESSION_COOKIE}=aaa.bbb.ccc.ddd.eee`],
      ["a truncated JWT", `${SESSION_COOKIE}=${jwt.slice(0, -10)}`],
      [
        "a JWT with a flipped character",
        `${SESSION_COOKIE}=${jwt.slice(0, 40)}${jwt[40] === "A" ? "B" : "A"}${jwt.slice(41)}`,
      ],
      ["a huge cookie (100 KB)", `${SESSION_COOKIE}=${"x".repeat(100_000)}`],
      [
        "a huge valid-looking cookie in chunks",
        `${SESSION_COOKIE}.0=${jwt}; ${SESSION_COOKIE}.1=${"y".repeat(20_000)}`,
      ],
      ["garbage chunks", `${SESSION_COOKIE}.0=%E0%A4%A; ${SESSION_COOKIE}.1=zzz`],
      ["non-ASCII", `${SESSION_COOKIE}=ÿþýü`],
      ["an empty value", `${SESSION_COOKIE}=`],
      ["no value and no equals sign", `${SESSION_COOKIE}`],
      ["only separators", ";;;=;="],
      [
        "signed with another secret",
        `${SESSION_COOKIE}=${await encode({ token: { sub: user.user.id }, secret: "another-secret-0123456789abcdef0123456789", salt: SESSION_COOKIE })}`,
      ],
      ["expired", await jwtCookie({ sub: user.user.id, sessionVersion: 0 }, { maxAge: -3600 })],
      ["no subject", await jwtCookie({ sessionVersion: 0 })],
      ["a subject that is not a user id", await jwtCookie({ sub: "admin", sessionVersion: 0 })],
      ["a subject that names nobody", await jwtCookie({ sub: "00000000-0000-4000-8000-000000000000" })],
      ["a session version that is text", await jwtCookie({ sub: user.user.id, sessionVersion: "0" })],
      ["a negative session version", await jwtCookie({ sub: user.user.id, sessionVersion: -1 })],
      ["a session version from the future", await jwtCookie({ sub: user.user.id, sessionVersion: 7 })],
    ];
  });

  const me = (headers: Record<string, string>) => api("GET /api/me", { headers });
  const teamCount = async () => (await getCtx().db.select({ n: count() }).from(teams))[0].n;

  describe("the API: 401 unauthenticated, never a 500", () => {
    it("bad session cookies", async () => {
      for (const [what, cookie] of badCookies) {
        const res = await me({ cookie });
        expect({ what, status: res.status }).toEqual({ what, status: 401 });
        expectApiError(res, 401, "unauthenticated");
      }
    });

    it("bad Authorization headers, even next to a good cookie", async () => {
      const headers = [
        "Bearer",
        "Bearer ",
        "Bearer  \t ",
        "bearer two words",
        "Basic dXNlcjpwYXNz",
        "Token cairn_abc",
        "Bearer cairn_ÿÿÿÿ",
        `Bearer ${"a".repeat(10_000)}`,
        `Bearer ${user.token}x`,
        "",
      ];
      for (const authorization of headers) {
        const res = await me({ authorization, cookie: valid });
        expect({ authorization: authorization.slice(0, 30), status: res.status }).toEqual({
          authorization: authorization.slice(0, 30),
          status: 401,
        });
      }
    });

    it("a write with a bad cookie is refused and writes nothing", async () => {
      const before = await teamCount();
      for (const [, cookie] of badCookies.slice(0, 4)) {
        expectApiError(
          await api("POST /api/teams", { headers: { cookie }, json: { name: "Sneaky" } }),
          401,
          "unauthenticated",
        );
      }
      expect(await teamCount()).toBe(before);
    });

    it("a good session cookie still counts beside malformed cookies of other names", async () => {
      const res = await me({ cookie: `theme=%E0%A4%A; other=%; ${valid}; tail=ÿ` });
      expect(res.status).toBe(200);
      expect(res.json.user.id).toBe(user.user.id);
    });

    it("a good session cookie split into chunks, as Auth.js writes large ones, counts", async () => {
      const jwt = valid.split("=")[1];
      const cookie = `${SESSION_COOKIE}.1=${jwt.slice(100)}; ${SESSION_COOKIE}.0=${jwt.slice(0, 100)}`;
      expect((await me({ cookie })).status).toBe(200);
    });
  });

  describe("pages: a signed-out visitor", () => {
    it("the pages' identity (the same reading as the API's) is nobody, without throwing", async () => {
      for (const [what, cookie] of badCookies) {
        expect({ what, actor: await actorFromCookieHeader(getCtx().db, cookie) }).toEqual({
          what,
          actor: null,
        });
      }
      expect((await actorFromCookieHeader(getCtx().db, valid))?.userId).toBe(user.user.id);
    });

    it("the proxy sends them to sign in (with the way back) instead of answering 500", async () => {
      for (const [what, cookie] of badCookies.filter(([w]) => !/from the future|names nobody/.test(w))) {
        const res = await proxy(
          new NextRequest("http://localhost/teams/acme?tab=1", { headers: { cookie } }),
        );
        expect({ what, status: res.status }).toEqual({ what, status: 307 });
        expect(res.headers.get("location")).toBe(
          "http://localhost/signin?callbackUrl=%2Fteams%2Facme%3Ftab%3D1",
        );
      }
      const through = await proxy(
        new NextRequest("http://localhost/teams/acme?tab=1", {
          headers: { cookie: valid, "x-cairn-path": "/evil" },
        }),
      );
      expect(through.headers.get("location")).toBeNull();
      // The page learns its own path (for the way back if it finds the session ended), not the client's word.
      expect(through.headers.get("x-middleware-request-x-cairn-path")).toBe("/teams/acme?tab=1");
    });
  });
});
