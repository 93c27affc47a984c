import { route } from "@/lib/server/route";
import { revokeToken } from "@/lib/services/accounts/tokens";
import { accounts } from "@/lib/validation/endpoints";

export const DELETE = route(accounts.revokeToken, async ({ db, actor, params }) => {
  await revokeToken(db, actor, params.tokenId);
  return { body: { ok: true } };
});
