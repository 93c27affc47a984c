import type { Database } from "@/db/types";
import { findUser } from "@/lib/services/accounts";
import type { Actor } from "@/lib/services/actor";
import { AppError } from "@/lib/services/errors";
import { actorFromToken } from "@/lib/services/tokens";
import { userIdFromSessionCookie } from "./session-cookie";

/**
 * The caller: a personal API token (Authorization: Bearer) or the Auth.js session cookie.
 * A request that sends an Authorization header is judged by it alone.
 */
export async function resolveActor(db: Database, req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? actorFromToken(db, match[1]) : null;
  }
  const userId = await userIdFromSessionCookie(req.headers.get("cookie"));
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const user = await findUser(db, userId);
  return user ? { userId: user.id, email: user.email, name: user.name, via: "session" } : null;
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
