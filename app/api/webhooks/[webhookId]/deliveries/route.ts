import { route } from "@/lib/server/route";
import { listWebhookDeliveries } from "@/lib/services/webhooks/deliveries";
import { delivery } from "@/lib/validation/endpoints";

export const GET = route(delivery.listWebhookDeliveries, async ({ db, actor, params, query }) => ({
  body: await listWebhookDeliveries(db, actor, params.webhookId, query),
}));
