import { route } from "@/lib/server/route";
import { deleteWebhook, updateWebhook } from "@/lib/services/webhooks/webhooks";
import { delivery } from "@/lib/validation/endpoints";

export const PATCH = route(delivery.updateWebhook, async ({ db, actor, params, body, ifMatch }) => {
  const webhook = await updateWebhook(db, actor, params.webhookId, ifMatch, body);
  return { body: { webhook }, version: webhook.version };
});

export const DELETE = route(delivery.deleteWebhook, async ({ db, actor, params, ifMatch }) => {
  await deleteWebhook(db, actor, params.webhookId, ifMatch);
  return { body: { ok: true } };
});
