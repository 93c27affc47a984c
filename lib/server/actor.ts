import { decode } from "next-auth/jwt";
import type { Database } from "@/db/types";
import { findUser } from "@/lib/services/accounts";
import type { Actor } from "@/lib/services/actor";
import { AppError } from "@/lib/services/errors";
import { actorFromToken } from "@/lib/services/tokens";
import { authSecret } from "./auth-secret";

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

function readCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return jar;
}

/** Auth.js splits large cookies into name.0, name.1, ...; join them back. */
function sessionCookie(jar: Map<string, string>): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    if (jar.has(name)) return { name, value: jar.get(name)! };
    const parts: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) parts.push(jar.get(`${name}.${i}`)!);
    if (parts.length) return { name, value: parts.join("") };
  }
  return null;
}

export async function userIdFromSessionCookie(cookieHeader: string | null): Promise<string | null> {
  const cookie = sessionCookie(readCookies(cookieHeader));
  if (!cookie) return null;
  try {
    const token = await decode({ token: cookie.value, secret: authSecret(), salt: cookie.name });
    return typeof token?.sub === "string" ? token.sub : null;
  } catch {
    return null;
  }
}

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
