import { requestPasswordResetWithLimits } from "@/lib/server/password-reset";
import { route } from "@/lib/server/route";
import { delivery } from "@/lib/validation/endpoints";

export const POST = route(delivery.requestPasswordReset, async ({ db, req, body }) => {
  await requestPasswordResetWithLimits(db, req, body.email);
  return { body: { ok: true } };
});
