import { route } from "@/lib/server/route";
import { createWebhook, listWebhooks } from "@/lib/services/webhooks/webhooks";
import { delivery } from "@/lib/validation/endpoints";

export const GET = route(delivery.listWebhooks, async ({ db, actor, params }) => ({
  body: { items: await listWebhooks(db, actor, params.teamId) },
}));

export const POST = route(delivery.createWebhook, async ({ db, actor, params, body }) => ({
  body: await createWebhook(db, actor, params.teamId, body),
}));
