import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { users } from "@/db/schema";
import { publishRevocation } from "@/lib/services/kernel/live-events";
import type { ChangePasswordInput } from "@/lib/validation/accounts";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { hashPassword, verifyPassword } from "@/lib/services/kernel/passwords";

/** The session a cookie claims: the account and the session version it was issued under. */
export interface SessionClaim {
  userId: string;
  sessionVersion: number;
}

const sessionEnded = () =>
  new AppError(
    "unauthenticated",
    "Your session has ended (your password was changed or every session was signed out). Sign in again.",
  );

/**
 * The actor behind a session cookie, or null when the account is gone or the cookie was issued
 * under an older session version: a password change or "sign out everywhere" raised it since.
 */
export async function actorFromSession(db: Database, claim: SessionClaim): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, claim.userId))
    .limit(1);
  if (!user || user.sessionVersion !== claim.sessionVersion) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    via: "session",
    sessionVersion: user.sessionVersion,
  };
}

function currentSessionVersion(actor: Actor): number {
  if (actor.via !== "session" || actor.sessionVersion === undefined) {
    throw new AppError("session_required", "This needs you signed in with your password, not an API token.");
  }
  return actor.sessionVersion;
}

/**
 * Raises the account's session version from the caller's (so nothing else changed it in between)
 * and tells every instance, at commit, to close the streams of the sessions that just ended.
 */
async function raiseSessionVersion(
  db: Database,
  actor: Actor,
  change: Partial<typeof users.$inferInsert> = {},
  onlyIf = sql`true`,
): Promise<number> {
  const from = currentSessionVersion(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ ...change, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, actor.userId), eq(users.sessionVersion, from), onlyIf))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) throw sessionEnded();
    await publishRevocation(tx, actor.userId, { sessionVersion: row.sessionVersion });
    return row.sessionVersion;
  });
}

/**
 * Changes the password after checking the current one, and ends every other session of the
 * account. Returns the new session version, under which the caller's own cookie is re-issued.
 */
export async function changePassword(
  db: Database,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<number> {
  currentSessionVersion(actor);
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!user) throw sessionEnded();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(
      "incorrect_password",
      "Your current password is not right, so the password was not changed. Type it again (check Caps Lock).",
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Only over the hash just verified: a concurrent change with the same old password loses.
  return raiseSessionVersion(db, actor, { passwordHash }, eq(users.passwordHash, user.passwordHash));
}

/** "Sign out everywhere": ends every session of the account, the caller's included. */
export async function endAllSessions(db: Database, actor: Actor): Promise<void> {
  await raiseSessionVersion(db, actor);
}
