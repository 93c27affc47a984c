import { endAllSessionsForRequest } from "@/lib/server/account-sessions";
import { route } from "@/lib/server/route";
import { accounts } from "@/lib/validation/endpoints";

export const POST = route(accounts.endAllSessions, async ({ db, req, actor }) => ({
  body: { ok: true },
  headers: await endAllSessionsForRequest(db, req, actor),
}));
