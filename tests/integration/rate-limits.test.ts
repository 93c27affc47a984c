import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { guardCredentialsSignIn } from "@/lib/server/sign-in-guard";
import { api, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { uniqueEmail, withEnv } from "../helpers/fixtures";

/** A fresh address per test, so that no two tests share a rate-limit key. */
const freshIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function expectRateLimited(res: ApiResponse, maxWindowSeconds: number) {
  expectApiError(res, 429, "rate_limited");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxWindowSeconds);
}

describeEachDatabase("rate limits", (getCtx) => {
  const register = (email: string, forwardedFor: string) =>
    api("POST /api/register", {
      json: { email, name: "Rate Tester", password: "long enough password" },
      headers: { "x-forwarded-for": forwardedFor },
    });
  const accountExists = async (email: string) =>
    (await getCtx().db.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0;

  describe("registration", () => {
    it("per IP: after CAIRN_LIMIT_REGISTER_IP registrations the next is 429 with Retry-After; other IPs go on", async () => {
      const before = process.env.CAIRN_LIMIT_REGISTER_IP;
      await withEnv({ CAIRN_LIMIT_REGISTER_IP: "3" }, async () => {
        const ip = freshIp();
        for (let i = 0; i < 3; i++) expect((await register(uniqueEmail("burst"), ip)).status).toBe(201);

        const email = uniqueEmail("blocked");
        expectRateLimited(await register(email, ip), 600);
        expect(await accountExists(email)).toBe(false);

        expect((await register(uniqueEmail("elsewhere"), freshIp())).status).toBe(201);
      });
      expect(process.env.CAIRN_LIMIT_REGISTER_IP).toBe(before);
    });

    it("per email: repeated attempts for one address are limited whatever the IP", async () => {
      await withEnv({ CAIRN_LIMIT_REGISTER_EMAIL: "2" }, async () => {
        const email = uniqueEmail("target");
        expect((await register(email, freshIp())).status).toBe(201);
        expectApiError(await register(email.toUpperCase(), freshIp()), 409, "conflict");
        expectRateLimited(await register(email, freshIp()), 3600);
      });
    });

    it("the per-IP limit holds when a client prepends forged X-Forwarded-For entries", async () => {
      // Behind a proxy that appends the peer address (nginx's $proxy_add_x_forwarded_for, most
      // load balancers), the left-most entries are whatever the client sent; only the right-most
      // one was written by the proxy. Rotating the forged part must not reset the limit.
      await withEnv({ CAIRN_LIMIT_REGISTER_IP: "2" }, async () => {
        const realClient = freshIp();
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) {
          statuses.push((await register(uniqueEmail("spoof"), `198.18.0.${i + 1}, ${realClient}`)).status);
        }
        expect(statuses).toEqual([201, 201, 429]);
      });
    });
  });

  describe("credentials sign-in (guardCredentialsSignIn)", () => {
    const signInRequest = (email: string, ip: string, path = "/api/auth/callback/credentials") =>
      new Request(`http://localhost${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
        body: new URLSearchParams({ email, password: "whatever-it-is", csrfToken: "csrf", callbackUrl: "/" }),
      });
    const failedRedirect = () =>
      new Response(null, {
        status: 302,
        headers: { location: "http://localhost/signin?error=CredentialsSignin&code=credentials" },
      });
    const failedJson = () =>
      Response.json({ url: "http://localhost/signin?error=CredentialsSignin&code=credentials" });
    const succeeded = () =>
      new Response(null, { status: 302, headers: { location: "http://localhost/teams" } });

    const read = async (res: Response): Promise<ApiResponse> => {
      const text = await res.text();
      return {
        status: res.status,
        text,
        headers: res.headers,
        json: res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : undefined,
      };
    };

    it("after N failures for one email the next attempt is 429 before Auth.js is called", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "3" }, async () => {
        const email = uniqueEmail("victim");
        const next = vi.fn(async () => failedRedirect());
        for (let i = 0; i < 3; i++) {
          const res = await guardCredentialsSignIn(signInRequest(email, freshIp()), next);
          expect(res.status).toBe(302);
        }
        expect(next).toHaveBeenCalledTimes(3);

        const blocked = await read(await guardCredentialsSignIn(signInRequest(email, freshIp()), next));
        expectRateLimited(blocked, 900);
        expect(next).toHaveBeenCalledTimes(3);

        // The address is matched case-insensitively, and even a right password waits.
        const right = vi.fn(async () => succeeded());
        const upper = await guardCredentialsSignIn(
          signInRequest(`  ${email.toUpperCase()} `, freshIp()),
          right,
        );
        expect(upper.status).toBe(429);
        expect(right).not.toHaveBeenCalled();

        // Another account is not affected.
        const other = await guardCredentialsSignIn(signInRequest(uniqueEmail("bystander"), freshIp()), right);
        expect(other.status).toBe(302);
        expect(right).toHaveBeenCalledTimes(1);
      });
    });

    it("failures reported as JSON {url} (fetch clients) count too", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "2" }, async () => {
        const email = uniqueEmail("json");
        const next = vi.fn(async () => failedJson());
        for (let i = 0; i < 2; i++) {
          expect((await guardCredentialsSignIn(signInRequest(email, freshIp()), next)).status).toBe(200);
        }
        expectRateLimited(
          await read(await guardCredentialsSignIn(signInRequest(email, freshIp()), next)),
          900,
        );
        expect(next).toHaveBeenCalledTimes(2);
      });
    });

    it("successful sign-ins do not count as failures", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "2" }, async () => {
        const email = uniqueEmail("regular");
        const next = vi.fn(async () => succeeded());
        for (let i = 0; i < 5; i++) {
          expect((await guardCredentialsSignIn(signInRequest(email, freshIp()), next)).status).toBe(302);
        }
        expect(next).toHaveBeenCalledTimes(5);
        // Successful JSON answers (a url without error=) do not count either.
        const jsonOk = vi.fn(async () => Response.json({ url: "http://localhost/teams" }));
        for (let i = 0; i < 3; i++) {
          expect((await guardCredentialsSignIn(signInRequest(email, freshIp()), jsonOk)).status).toBe(200);
        }
        expect(jsonOk).toHaveBeenCalledTimes(3);
      });
    });

    it("per IP: after CAIRN_LIMIT_SIGNIN_IP attempts (any outcome) the next is 429; another IP goes on", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_IP: "3" }, async () => {
        const ip = freshIp();
        const next = vi.fn(async () => succeeded());
        for (let i = 0; i < 3; i++) {
          expect((await guardCredentialsSignIn(signInRequest(uniqueEmail("spray"), ip), next)).status).toBe(
            302,
          );
        }
        expectRateLimited(
          await read(await guardCredentialsSignIn(signInRequest(uniqueEmail("spray"), ip), next)),
          600,
        );
        expect(next).toHaveBeenCalledTimes(3);

        expect(
          (await guardCredentialsSignIn(signInRequest(uniqueEmail("spray"), freshIp()), next)).status,
        ).toBe(302);
        expect(next).toHaveBeenCalledTimes(4);
      });
    });

    it("other Auth.js POSTs (sign-out, csrf) pass straight through and are not counted", async () => {
      await withEnv({ CAIRN_LIMIT_SIGNIN_IP: "1" }, async () => {
        const ip = freshIp();
        const next = vi.fn(async () => new Response(null, { status: 302, headers: { location: "/" } }));
        for (let i = 0; i < 4; i++) {
          const res = await guardCredentialsSignIn(
            signInRequest(`x-${randomUUID()}@example.test`, ip, "/api/auth/signout"),
            next,
          );
          expect(res.status).toBe(302);
        }
        expect(next).toHaveBeenCalledTimes(4);
        // The credentials callback from that address still has its one attempt.
        expect((await guardCredentialsSignIn(signInRequest(uniqueEmail("after"), ip), next)).status).toBe(
          302,
        );
      });
    });
  });
});
