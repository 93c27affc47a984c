import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { users } from "@/db/schema";
import type { RegisterInput, User } from "@/lib/validation/accounts";
import { AppError, isUniqueViolation } from "@/lib/services/kernel/errors";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "@/lib/services/kernel/passwords";

const toUser = (u: { id: string; email: string; name: string }): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
});

export async function registerUser(db: Database, input: RegisterInput): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning();
    return toUser(user);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        "conflict",
        "An account with this email already exists. Sign in instead, or use another email.",
      );
    }
    throw error;
  }
}

/**
 * Returns the user (with the session version a new session is issued under) when the password
 * matches; null otherwise, taking the same time either way.
 */
export async function verifyCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<(User & { sessionVersion: number }) | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  if (!user) return verifyAgainstNothing(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password))
    ? { ...toUser(user), sessionVersion: user.sessionVersion }
    : null;
}
