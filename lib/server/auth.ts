import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/accounts";
import { verifyCredentials } from "@/lib/services/accounts";
import { authConfig } from "./auth-config";
import { authSecret } from "./auth-secret";
import { database } from "./database";

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
        const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
}));
