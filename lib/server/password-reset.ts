import type { Database } from "@/db/types";
import { confirmPasswordReset, requestPasswordReset } from "@/lib/services/accounts/password-reset";
import type { PasswordResetConfirmInput } from "@/lib/validation/delivery";
import { clientAddress } from "./client-address";
import { hit, limitFor } from "./rate-limit";

/**
 * The limits around a reset request: per client address and per email. The per-email count runs
 * for addresses with and without an account alike, so a 429 says nothing about who has one.
 */
export async function requestPasswordResetWithLimits(
  db: Database,
  req: Request,
  email: string,
): Promise<void> {
  await hit(db, `reset:ip:${clientAddress(req)}`, limitFor("RESET_IP"));
  await hit(db, `reset:email:${email.trim().toLowerCase()}`, limitFor("RESET_EMAIL"));
  await requestPasswordReset(db, email);
}

export async function confirmPasswordResetWithLimits(
  db: Database,
  req: Request,
  input: PasswordResetConfirmInput,
): Promise<void> {
  await hit(db, `reset-confirm:ip:${clientAddress(req)}`, limitFor("RESET_CONFIRM_IP"));
  await confirmPasswordReset(db, input);
}
