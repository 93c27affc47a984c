import type { NextAuthConfig } from "next-auth";

declare module "next-auth" {
  interface User {
    /** The account's session version at sign-in (see users.sessionVersion). */
    sessionVersion?: number;
  }
}

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy (which only
 * redirects signed-out visitors) and the full configuration in ./auth.
 */
export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // At sign-in only: the cookie remembers the session version it was issued under, and every
      // request compares it with the account's (lib/server/session-cookie.ts, lib/services/accounts/sessions.ts).
      if (user?.id) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
