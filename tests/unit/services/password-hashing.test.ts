import { afterEach, describe, expect, it, vi } from "vitest";

type Passwords = typeof import("@/lib/services/kernel/passwords");
type Errors = typeof import("@/lib/services/kernel/errors");

/** A fresh copy of the module and of AppError, as each route bundle of a production build has. */
async function bundleCopy(): Promise<{ passwords: Passwords; errors: Errors }> {
  vi.resetModules();
  return {
    passwords: await import("@/lib/services/kernel/passwords"),
    errors: await import("@/lib/services/kernel/errors"),
  };
}

describe("the argon2 limit across module copies", () => {
  let release: (() => void) | undefined;
  afterEach(() => release?.());

  it("is one limit per process, and refuses with the calling copy's AppError (503 service_busy)", async () => {
    const first = await bundleCopy();
    const second = await bundleCopy();
    expect(second.errors.AppError).not.toBe(first.errors.AppError);
    expect(second.passwords.passwordHashing).toBe(first.passwords.passwordHashing);

    // The first copy fills every slot and the queue.
    const limit = first.passwords.passwordHashing;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = [
      ...Array.from({ length: limit.max }, () => limit.run(() => gate)),
      ...Array.from({ length: limit.maxQueued }, () => limit.run(async () => {})),
    ];

    const refusal = await second.passwords.hashPassword("long enough password").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(second.errors.AppError);
    expect(refusal).toMatchObject({ code: "service_busy", retryAfterSeconds: 2 });
    await expect(second.passwords.verifyPassword("$argon2id$bogus", "x")).rejects.toBeInstanceOf(
      second.errors.AppError,
    );

    release?.();
    await Promise.all(held);
    // Drained: both copies hash again, and a malformed hash is a wrong password, not an error.
    await expect(second.passwords.hashPassword("long enough password")).resolves.toMatch(/^\$argon2id\$/);
    await expect(first.passwords.verifyPassword("$argon2id$bogus", "x")).resolves.toBe(false);
  });
});
