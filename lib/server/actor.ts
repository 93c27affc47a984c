import "server-only";
import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { actorFromSession } from "@/lib/services/accounts/sessions";
import { actorFromToken } from "@/lib/services/accounts/tokens";
import { readSessionCookie } from "./session-cookie";

/** Personal API token secrets are about 50 characters; a longer "token" names nothing. */
const MAX_TOKEN_CHARS = 200;

/** The actor of a Cookie header (pages and API alike), or null: no cookie, a bad one, or an ended session. */
export async function actorFromCookieHeader(
  db: Database,
  cookieHeader: string | null,
): Promise<Actor | null> {
  const session = await readSessionCookie(cookieHeader);
  return session ? actorFromSession(db, session) : null;
}

/**
 * The caller: a personal API token (Authorization: Bearer) or the Auth.js session cookie.
 * A request that sends an Authorization header is judged by it alone; a malformed one (no token,
 * another scheme, garbage) is a signed-out visitor, never an error.
 */
export async function resolveActor(db: Database, req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match && match[1].length <= MAX_TOKEN_CHARS ? actorFromToken(db, match[1]) : null;
  }
  return actorFromCookieHeader(db, req.headers.get("cookie"));
}

export async function requireActor(db: Database, req: Request): Promise<Actor> {
  const actor = await resolveActor(db, req);
  if (!actor) {
    throw new AppError(
      "unauthenticated",
      "Sign in, or send a valid personal API token as Authorization: Bearer <token>.",
    );
  }
  return actor;
}
