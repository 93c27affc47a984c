import { NextResponse, type NextRequest } from "next/server";
import { userIdFromSessionCookie } from "@/lib/server/session-cookie";

/**
 * Sends signed-out visitors of app pages to the sign-in page. This is a convenience only:
 * every page and API route checks identity and role on the server itself.
 *
 * It reads the session cookie and never writes it. (Auth.js's own middleware re-issues the cookie
 * on every request; a prefetch in flight while someone signed out then put the session back.)
 */
export default async function proxy(req: NextRequest) {
  if (await userIdFromSessionCookie(req.headers.get("cookie"))) return NextResponse.next();
  const signIn = new URL("/signin", req.url);
  signIn.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/teams/:path*", "/roadmaps/:path*", "/account/:path*", "/invite/:path*"],
};
