import { passwordsBusy } from "@/lib/services/kernel/passwords";
import { readAuthPost } from "./auth-request";
import { clientAddress } from "./client-address";
import { database } from "./database";
import { errorResponse, toAppError } from "./http-errors";
import { count, forgive, hit, limitFor } from "./rate-limit";

/**
 * The `code` Auth.js puts in its answer when `authorize` could not check the password because
 * too many are being checked already (lib/server/auth.ts); the guard answers 503 for it.
 */
export const BUSY_SIGN_IN_CODE = "busy";

/**
 * Once an account has had `max` failures from anywhere in the window, each further attempt on it
 * waits before its password is checked: 1 s, doubling per failure, at most 10 s. Guessing spread
 * over many addresses slows down, while the owner, whose own address is not locked, still gets in.
 */
export function slowDownMs(accountFailuresBefore: number, max: number): number {
  if (accountFailuresBefore < max) return 0;
  return Math.min(1000 * 2 ** (accountFailuresBefore - max), 10_000);
}

type Outcome = "signed-in" | "failed" | "busy";

/** Auth.js answers with a redirect, or `{url}` for fetch clients; a url naming `error=` is a failure. */
async function outcomeOf(res: Response): Promise<Outcome> {
  let url = res.headers.get("location");
  if (!url && res.headers.get("content-type")?.includes("application/json")) {
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as { url?: unknown } | null;
    if (typeof body?.url === "string") url = body.url;
  }
  if (!url) return "failed";
  const params = new URL(url, "http://localhost").searchParams;
  if (!params.has("error")) return "signed-in";
  return params.get("code") === BUSY_SIGN_IN_CODE ? "busy" : "failed";
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The limits on one credentials sign-in: attempts per client address (SIGNIN_IP); failures per
 * account and address (SIGNIN_EMAIL_FAILURES, then 429 for that address alone); failures per
 * account from anywhere slow it down (slowDownMs). Failures are counted before the password is
 * checked, so that parallel guesses cannot all pass, and a success takes its count back.
 */
async function limitCredentialsSignIn(
  req: Request,
  email: string,
  next: (req: Request) => Promise<Response>,
): Promise<Response> {
  const { db } = await database();
  const address = clientAddress(req);
  await hit(db, `signin:ip:${address}`, limitFor("SIGNIN_IP"));
  // Without an email Auth.js refuses before any password is checked: nothing to count per account.
  if (!email) return next(req);

  const failures = limitFor("SIGNIN_EMAIL_FAILURES");
  const pairKey = `signin:failures:${address}:${email}`;
  const accountKey = `signin:email:${email}`;
  await hit(db, pairKey, failures);
  const account = await count(db, accountKey, failures);
  let outcome: Outcome = "failed";
  try {
    const delay = slowDownMs(account.count - 1, failures.max);
    if (delay > 0) await wait(delay);
    const res = await next(req);
    outcome = await outcomeOf(res);
    if (outcome === "busy") {
      throw passwordsBusy();
    }
    return res;
  } finally {
    if (outcome !== "failed") await Promise.all([forgive(db, pairKey), forgive(db, accountKey)]);
  }
}

/**
 * Wraps Auth.js's POST handler: every body is capped at 64 KiB, and credential sign-ins pass the
 * limits above, with the counters in the database so that they hold across instances.
 */
export async function guardAuthPost(
  req: Request,
  next: (req: Request) => Promise<Response>,
): Promise<Response> {
  try {
    const { request, credentialsEmail } = await readAuthPost(req);
    if (credentialsEmail === undefined) return await next(request);
    return await limitCredentialsSignIn(request, credentialsEmail, next);
  } catch (error) {
    return errorResponse(toAppError(error));
  }
}
