import { changePasswordForRequest } from "@/lib/server/account-sessions";
import { route } from "@/lib/server/route";
import { accounts } from "@/lib/validation/endpoints";

export const POST = route(accounts.changePassword, async ({ db, req, actor, body }) => ({
  body: { ok: true },
  headers: await changePasswordForRequest(db, req, actor, body),
}));
