import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/server/security-headers";
import { userIdFromSessionCookie } from "@/lib/server/session-cookie";

/** App pages that send signed-out visitors to the sign-in page. */
const SIGNED_IN_PAGES = /^\/(teams|roadmaps|account|invite)(\/|$)/;

/** 16 random bytes, base64: a fresh, unguessable nonce per page. */
function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Runs before every page and API answer (not static files):
 * - sends signed-out visitors of app pages to the sign-in page. A convenience only: every page
 *   and API route checks identity and role on the server itself. It reads the session cookie and
 *   never writes it (Auth.js's own middleware re-issues the cookie on every request; a prefetch in
 *   flight while someone signed out then put the session back);
 * - gives each page a nonce Content-Security-Policy. The policy also goes on the request, where
 *   Next reads the nonce and puts it on its own scripts; every page renders per request;
 * - gives every answer the other security headers (lib/server/security-headers.ts).
 */
export default async function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const facts = {
    path,
    protocol: req.nextUrl.protocol,
    forwardedProto: req.headers.get("x-forwarded-proto"),
    authUrl: process.env.AUTH_URL,
    dev: process.env.NODE_ENV === "development",
  };
  if (path === "/api" || path.startsWith("/api/"))
    return withHeaders(NextResponse.next(), securityHeaders(facts));

  const nonce = newNonce();
  const headers = securityHeaders(facts, nonce);
  if (SIGNED_IN_PAGES.test(path) && !(await userIdFromSessionCookie(req.headers.get("cookie")))) {
    const signIn = new URL("/signin", req.url);
    signIn.searchParams.set("callbackUrl", path + req.nextUrl.search);
    return withHeaders(NextResponse.redirect(signIn), headers);
  }
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  requestHeaders.set("x-nonce", nonce);
  // The page being rendered, so that a page finding the session ended sends the visitor back to it
  // after sign-in (lib/server/session.ts). Set here, so a client cannot choose it.
  requestHeaders.set("x-cairn-path", path + req.nextUrl.search);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

export const config = {
  // Everything but build output and the icon: those are files, not documents or answers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
