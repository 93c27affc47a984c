import { route } from "@/lib/server/route";
import { registerWithLimits } from "@/lib/server/registration";
import { accounts } from "@/lib/validation/endpoints";

export const POST = route(accounts.register, async ({ db, req, body }) => ({
  body: { user: await registerWithLimits(db, req, body) },
}));
