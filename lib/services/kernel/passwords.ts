import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { ConcurrencyLimit, processWideLimit, runUnder } from "./concurrency-limit";
import { AppError } from "./errors";

// argon2id (the library's default algorithm) with OWASP's minimum memory cost.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The refusal a request gets when the queue is full: 503 service_busy with Retry-After. */
export const passwordsBusy = () =>
  new AppError("service_busy", "The server is busy checking passwords. Try again in a few seconds.", {
    retryAfterSeconds: 2,
  });

/**
 * Every argon2 run (hash or verify) takes 19 MiB and a core for ~30 ms, on libuv's small thread
 * pool that file and DNS work share. Running more at once than there are cores only queues inside
 * libuv with the memory already taken, so a registration or sign-in flood waits here instead, and
 * past a short queue (about a second of work) is refused with 503 and Retry-After. One limit per
 * process.
 */
export const passwordHashing = processWideLimit(
  "password-hashing",
  () => new ConcurrencyLimit(Math.min(4, Math.max(2, availableParallelism())), 32, passwordsBusy),
);

/** Runs an argon2 task under the process-wide limit. */
const limited = <T>(task: () => Promise<T>) => runUnder(passwordHashing, passwordsBusy, task);

/** Throws AppError service_busy when too many hashes are already waiting. */
export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, OPTIONS));
}

/** False for a wrong password or a malformed hash; throws AppError service_busy like hashPassword. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return limited(() => verify(passwordHash, password).catch(() => false));
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of a real verification so that a missing account cannot be told apart by timing. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("cairn-timing-equaliser").catch((error: unknown) => {
    // A busy server refused it: the next caller tries again rather than inheriting the refusal.
    dummyHash = undefined;
    throw error;
  });
  await verifyPassword(await dummyHash, password);
  return false;
}
