import NextAuth from "next-auth";
import { authConfig } from "@/lib/server/auth-config";
import { authSecret } from "@/lib/server/auth-secret";

/**
 * Sends signed-out visitors of app pages to the sign-in page. This is a convenience only:
 * every page and API route checks identity and role on the server itself.
 */
const { auth } = NextAuth(() => ({
  ...authConfig,
  secret: authSecret(),
  callbacks: {
    ...authConfig.callbacks,
    authorized: ({ auth }) => Boolean(auth?.user),
  },
}));

export default auth;

export const config = {
  matcher: ["/teams/:path*", "/roadmaps/:path*", "/account/:path*", "/invite/:path*"],
};
