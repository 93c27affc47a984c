import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Database } from "@/db/types";
import { users } from "@/db/schema";

export const SESSION_COOKIE = "authjs.session-token";

/**
 * A Cookie header with an Auth.js session cookie for the user, as signing in issues it: encrypted
 * with AUTH_SECRET, naming the account's current session version (read from the table) unless one
 * is given.
 */
export async function sessionCookie(
  db: Database,
  userId: string,
  options: { sessionVersion?: number; secret?: string; name?: string; maxAge?: number } = {},
): Promise<string> {
  let sessionVersion = options.sessionVersion;
  if (sessionVersion === undefined) {
    const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
    sessionVersion = row.v;
  }
  const name = options.name ?? SESSION_COOKIE;
  const value = await encode({
    token: { sub: userId, sessionVersion },
    secret: options.secret ?? process.env.AUTH_SECRET!,
    salt: name,
    maxAge: options.maxAge,
  });
  return `${name}=${value}`;
}

/**
 * The headers the app's own client sends as the signed-in user: the session cookie, and JSON as the
 * content type even without a body (cookie-borne writes need it, api.md "Security conventions").
 */
export async function browserHeaders(db: Database, userId: string): Promise<Record<string, string>> {
  return { cookie: await sessionCookie(db, userId), "content-type": "application/json" };
}

/** The Cookie header a browser would send next, from the Set-Cookie answers (empty values deleted). */
export function cookieAfter(previous: string, res: { headers: Headers }): string {
  const jar = new Map(
    previous
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as const),
  );
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    if (value === "" || /max-age=0\b/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
}
