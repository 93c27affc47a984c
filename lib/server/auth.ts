import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/accounts";
import { verifyCredentials } from "@/lib/services/accounts/credentials";
import { AppError } from "@/lib/services/kernel/errors";
import { authConfig } from "./auth-config";
import { authSecret } from "./auth-secret";
import { database } from "./database";
import { BUSY_SIGN_IN_CODE } from "./sign-in-guard";

/** The password could not be checked for load: Auth.js answers `code=busy`, the guard a 503. */
class PasswordCheckBusy extends CredentialsSignin {
  code = BUSY_SIGN_IN_CODE;
}

export const { handlers, auth, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: authSecret(),
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { db } = await database();
        const user = await verifyCredentials(db, parsed.data.email, parsed.data.password).catch(
          (error: unknown) => {
            throw error instanceof AppError && error.code === "service_busy"
              ? new PasswordCheckBusy()
              : error;
          },
        );
        return user
          ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
          : null;
      },
    }),
  ],
}));
