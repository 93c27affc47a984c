import { route } from "@/lib/server/route";
import { createToken, listTokens } from "@/lib/services/accounts/tokens";
import { accounts } from "@/lib/validation/endpoints";

export const GET = route(accounts.listTokens, async ({ db, actor }) => ({
  body: { items: await listTokens(db, actor) },
}));

export const POST = route(accounts.createToken, async ({ db, actor, body }) => ({
  body: await createToken(db, actor, body),
}));
