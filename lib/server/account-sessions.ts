import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { changePassword, endAllSessions } from "@/lib/services/accounts/sessions";
import type { ChangePasswordInput } from "@/lib/validation/accounts";
import { forgive, hit, limitFor } from "./rate-limit";
import { clearedSessionCookies, readSessionCookie, reissuedSessionCookie } from "./session-cookie";

const setCookies = (cookies: string[]): [string, string][] => cookies.map((c) => ["set-cookie", c]);

/**
 * Changes the caller's password and answers with their cookie re-issued under the new session
 * version, so that they stay signed in while every other session ends.
 *
 * Guesses of the current password are limited per account (someone at an unlocked screen must not
 * get unlimited tries). Each attempt is counted before the password is checked, so parallel guesses
 * cannot all slip through one free slot; an attempt that was not a wrong guess is taken back.
 */
export async function changePasswordForRequest(
  db: Database,
  req: Request,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<[string, string][]> {
  const key = `password:user:${actor.userId}`;
  await hit(db, key, limitFor("PASSWORD_CHANGE_FAILURES"));
  let sessionVersion: number;
  try {
    sessionVersion = await changePassword(db, actor, input);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "incorrect_password")) await forgive(db, key);
    throw error;
  }
  await forgive(db, key);
  const cookieHeader = req.headers.get("cookie");
  const session = await readSessionCookie(cookieHeader);
  // The route only admits a valid session cookie, so this holds; without one there is nothing to renew.
  return session ? setCookies(await reissuedSessionCookie(cookieHeader, session, sessionVersion)) : [];
}

/** "Sign out everywhere": every session ends, and this browser forgets its cookie at once. */
export async function endAllSessionsForRequest(
  db: Database,
  req: Request,
  actor: Actor,
): Promise<[string, string][]> {
  await endAllSessions(db, actor);
  return setCookies(clearedSessionCookies(req.headers.get("cookie")));
}
