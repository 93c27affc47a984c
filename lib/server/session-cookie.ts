import { decode } from "next-auth/jwt";
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

/** The signed-in user of an Auth.js session cookie, or null (no cookie, expired, forged). */
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
