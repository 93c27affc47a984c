import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { runWithPeerAddress } from "@/lib/server/client-address";
import { api, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { uniqueEmail, withEnv } from "../helpers/fixtures";

/** A fresh socket address per test, so that no two tests share a rate-limit key. */
const freshIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function expectRateLimited(res: ApiResponse, maxWindowSeconds: number) {
  expectApiError(res, 429, "rate_limited");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxWindowSeconds);
}

// Sign-in limits: sign-in-guard.test.ts; which address counts: client-address.test.ts.
describeEachDatabase("rate limits", (getCtx) => {
  const register = (email: string, peer: string) =>
    runWithPeerAddress(peer, () =>
      api("POST /api/register", { json: { email, name: "Rate Tester", password: "long enough password" } }),
    );
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
  });
});
