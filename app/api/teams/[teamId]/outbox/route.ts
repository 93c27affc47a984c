import { route } from "@/lib/server/route";
import { listOutbox } from "@/lib/services/mail/outbox";
import { delivery } from "@/lib/validation/endpoints";

export const GET = route(delivery.listOutbox, async ({ db, actor, params, query }) => ({
  body: await listOutbox(db, actor, params.teamId, query),
}));
