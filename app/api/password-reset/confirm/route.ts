import { confirmPasswordResetWithLimits } from "@/lib/server/password-reset";
import { route } from "@/lib/server/route";
import { delivery } from "@/lib/validation/endpoints";

export const POST = route(delivery.confirmPasswordReset, async ({ db, req, body }) => {
  await confirmPasswordResetWithLimits(db, req, body);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
