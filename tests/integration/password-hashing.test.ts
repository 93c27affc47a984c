import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { users } from "@/db/schema";
import { runWithPeerAddress } from "@/lib/server/client-address";
import { passwordHashing } from "@/lib/services/kernel/passwords";
import { api, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createUser, TEST_PASSWORD, uniqueEmail, withEnv } from "../helpers/fixtures";
import { signIn } from "../helpers/sign-in";

/**
 * Takes every argon2 slot of this process, and optionally every place in its queue, with tasks
 * that wait for `release()`: what a flood of registrations leaves behind.
 */
function occupyPasswordHashing(fillQueue: boolean) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held: Promise<unknown>[] = [];
  for (let i = 0; i < passwordHashing.max; i++) held.push(passwordHashing.run(() => gate));
  if (fillQueue)
    for (let i = 0; i < passwordHashing.maxQueued; i++) held.push(passwordHashing.run(async () => {}));
  return {
    release: async () => {
      open();
      await Promise.all(held);
    },
  };
}

function expectBusy(res: ApiResponse) {
  expectApiError(res, 503, "service_busy");
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

let release: (() => Promise<void>) | undefined;
afterEach(async () => {
  await release?.();
  release = undefined;
  expect(passwordHashing.active).toBe(0);
});

describeEachDatabase("password hashing limit", (getCtx) => {
  const accountExists = async (email: string) =>
    (await getCtx().db.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0;
  const register = (email: string) =>
    runWithPeerAddress(`198.51.100.${Math.floor(Math.random() * 250)}`, () =>
      api("POST /api/register", { json: { email, name: "Flood", password: "long enough password" } }),
    );

  it("past the queue a registration is 503 with Retry-After and writes nothing; once it drains, it goes through", async () => {
    ({ release } = occupyPasswordHashing(true));
    const email = uniqueEmail("flood");
    expectBusy(await register(email));
    expect(await accountExists(email)).toBe(false);

    await release();
    release = undefined;
    expect((await register(email)).status).toBe(201);
  });

  it("below the queue limit a registration waits for a slot instead of being refused", async () => {
    ({ release } = occupyPasswordHashing(false));
    const email = uniqueEmail("patient");
    let settled = false;
    const pending = register(email).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    expect(passwordHashing.queued).toBe(1);

    await release();
    release = undefined;
    expect((await pending).status).toBe(201);
  });

  it("a sign-in that cannot be checked is 503, not a wrong password, and does not count as a failure", async () => {
    const { user } = await createUser(getCtx().db, "busy");
    await withEnv({ CAIRN_LIMIT_SIGNIN_EMAIL_FAILURES: "1" }, async () => {
      ({ release } = occupyPasswordHashing(true));
      const peer = "192.0.2.77";
      for (const format of ["form", "json"] as const) {
        const res = await signIn({ email: user.email, password: TEST_PASSWORD, format, peer });
        expectBusy(res);
        expect(res.signedIn).toBe(false);
      }
      await release();
      release = undefined;
      // Two refused attempts with a limit of one failure: had they counted, this would be 429.
      expect(
        (await signIn({ email: user.email, password: TEST_PASSWORD, format: "form", peer })).signedIn,
      ).toBe(true);
    });
  });
});
