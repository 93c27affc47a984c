import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { passwordResetTokens, users } from "@/db/schema";
import { RESET_TOKEN_TTL_MINUTES, type PasswordResetConfirmInput } from "@/lib/validation/delivery";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { AppError } from "@/lib/services/kernel/errors";
import { publishRevocation } from "@/lib/services/kernel/live-events";
import { hashPassword } from "@/lib/services/kernel/passwords";
import { hashSecret, newSecret } from "@/lib/services/kernel/secrets";
import { passwordResetEmail } from "@/lib/services/mail/messages";
import { queueEmail } from "@/lib/services/mail/outbox";

/** Tests move time; everything else uses the clock. */
export interface Clock {
  now?: () => Date;
}

const gone = () =>
  new AppError(
    "reset_token_gone",
    "This reset link was already used, has expired, or is not one Cairn sent. Ask for a new one.",
  );

/**
 * Mails a single-use reset link to the account with this email, if there is one; the caller learns
 * nothing either way (the route always answers 202). Only the token's hash is kept.
 */
export async function requestPasswordReset(db: Database, email: string, clock: Clock = {}): Promise<void> {
  const now = clock.now?.() ?? new Date();
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  if (!user) return;
  const token = newSecret("rst");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passwordResetTokens)
      .values({
        userId: user.id,
        tokenHash: hashSecret(token),
        expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MINUTES * 60_000),
        createdAt: now,
      })
      .returning({ id: passwordResetTokens.id });
    const message = passwordResetEmail({
      resetUrl: `${appOrigin()}/reset-password?token=${encodeURIComponent(token)}`,
      validMinutes: RESET_TOKEN_TTL_MINUTES,
    });
    await queueEmail(tx, {
      ...message,
      kind: "passwordReset",
      to: user.email,
      userId: user.id,
      teamId: null,
      dedupeKey: `passwordReset:${row.id}`,
    });
  });
}

/**
 * Sets a new password with a reset token, once: the token and every other open one of the account
 * are spent, and every session of the account ends (its session version rises). A used, expired or
 * unknown token is 410 reset_token_gone.
 */
export async function confirmPasswordReset(
  db: Database,
  input: PasswordResetConfirmInput,
  clock: Clock = {},
): Promise<void> {
  const now = clock.now?.() ?? new Date();
  const tokenHash = hashSecret(input.token);
  const [usable] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(unspent(tokenHash, now))
    .limit(1);
  // Checked before the slow hash so that forged tokens cost little; checked again when spent.
  if (!usable) throw gone();
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(unspent(tokenHash, now))
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) throw gone();
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, spent.userId), isNull(passwordResetTokens.usedAt)));
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, spent.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await publishRevocation(tx, spent.userId, { sessionVersion: user.sessionVersion });
  });
}

const unspent = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResetTokens.tokenHash, tokenHash),
    isNull(passwordResetTokens.usedAt),
    gt(passwordResetTokens.expiresAt, now),
  );
