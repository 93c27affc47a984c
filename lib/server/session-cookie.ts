import { decode, encode, type JWT } from "next-auth/jwt";
import { authConfig } from "./auth-config";
import { authSecret } from "./auth-secret";
import { isUuid } from "./uuid";

/** Auth.js's names: the __Secure- one over HTTPS. Each name is also the key derivation's salt. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * A real session cookie is well under 1 KiB (an encrypted JWT of a few claims). Anything far larger
 * is garbage, and decrypting it would only cost time.
 */
const MAX_SESSION_COOKIE_CHARS = 16 * 1024;

/** What a valid session cookie says: whose it is and under which session version it was issued. */
export interface SessionCookie {
  userId: string;
  /** The account's session version at sign-in; older cookies (before versions existed) count as 0. */
  sessionVersion: number;
  /** The cookie's name, which is also the salt to re-issue it under. */
  cookieName: string;
  /** The decoded claims, kept so that a re-issued cookie says the same apart from the version. */
  claims: JWT;
}

/** Malformed percent-encoding (e.g. `%E0%A4%A`) is kept as it is, as Auth.js's own parser does. */
function decodeValue(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Parses a Cookie header; the first occurrence of a name wins, as in Auth.js. Never throws. */
function readCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (!jar.has(name)) jar.set(name, decodeValue(part.slice(i + 1).trim()));
  }
  return jar;
}

/** The chunk number of `name` in the cookie `cookieName` (the whole cookie is 0), or null. */
function chunkIndex(cookieName: string, name: string): number | null {
  if (name === cookieName) return 0;
  const suffix = name.startsWith(`${cookieName}.`) ? name.slice(cookieName.length + 1) : "";
  return /^\d{1,3}$/.test(suffix) ? Number(suffix) : null;
}

/** The cookie names that make up one session cookie: itself, or its chunks name.0, name.1, ... */
function partsOf(jar: Map<string, string>, cookieName: string): string[] {
  return [...jar.keys()]
    .filter((name) => chunkIndex(cookieName, name) !== null)
    .sort((a, b) => chunkIndex(cookieName, a)! - chunkIndex(cookieName, b)!);
}

/** Auth.js splits large cookies into name.0, name.1, ...; join them back. */
function rawSessionCookie(jar: Map<string, string>): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    const parts = partsOf(jar, name);
    if (parts.length) return { name, value: parts.map((p) => jar.get(p)!).join("") };
  }
  return null;
}

/**
 * The session an Auth.js session cookie carries, or null: no cookie, malformed, oversized, forged,
 * expired, or claims that are not ours. Never throws, so a bad cookie is a signed-out visitor.
 * Whether the session is still current (its version) is for the caller to check against the account.
 */
export async function readSessionCookie(cookieHeader: string | null): Promise<SessionCookie | null> {
  const raw = rawSessionCookie(readCookies(cookieHeader));
  if (!raw || !raw.value || raw.value.length > MAX_SESSION_COOKIE_CHARS) return null;
  let claims: JWT | null;
  try {
    claims = await decode({ token: raw.value, secret: authSecret(), salt: raw.name });
  } catch {
    return null;
  }
  const userId = claims?.sub;
  if (!claims || typeof userId !== "string" || !isUuid(userId)) return null;
  const version = claims.sessionVersion ?? 0;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 0) return null;
  return { userId, sessionVersion: version, cookieName: raw.name, claims };
}

/** The signed-in user of an Auth.js session cookie, or null (no cookie, expired, forged, malformed). */
export async function userIdFromSessionCookie(cookieHeader: string | null): Promise<string | null> {
  return (await readSessionCookie(cookieHeader))?.userId ?? null;
}

function setCookie(name: string, value: string, maxAgeSeconds: number): string {
  const expires = new Date(Date.now() + maxAgeSeconds * 1000).toUTCString();
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return `${name}=${value}; Path=/; Expires=${expires}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

/** Set-Cookie values that delete every session cookie (and chunk) the request carried. */
export function clearedSessionCookies(cookieHeader: string | null): string[] {
  const jar = readCookies(cookieHeader);
  return SESSION_COOKIES.flatMap((name) => partsOf(jar, name)).map((name) => setCookie(name, "", 0));
}

/**
 * The caller's session cookie again, issued under `sessionVersion` with the same claims and the same
 * expiry, replacing whatever chunks the old one had: after a password change the caller stays signed
 * in while every other session of the account ends.
 */
export async function reissuedSessionCookie(
  cookieHeader: string | null,
  session: SessionCookie,
  sessionVersion: number,
): Promise<string[]> {
  // encode() sets a new issue time, expiry and id; the expiry stays the one the session had.
  const claims: JWT = { ...session.claims };
  const exp = claims.exp;
  delete claims.iat;
  delete claims.exp;
  delete claims.jti;
  const left = typeof exp === "number" ? exp - Math.floor(Date.now() / 1000) : authConfig.session.maxAge;
  const maxAge = Math.max(1, left);
  const token = await encode({
    token: { ...claims, sessionVersion },
    secret: authSecret(),
    salt: session.cookieName,
    maxAge,
  });
  const stale = clearedSessionCookies(cookieHeader).filter(
    (cookie) => !cookie.startsWith(`${session.cookieName}=`),
  );
  return [...stale, setCookie(session.cookieName, token, maxAge)];
}
