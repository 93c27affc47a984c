import { route } from "@/lib/server/route";
import { sendTestEvent } from "@/lib/services/webhooks/events";
import { delivery } from "@/lib/validation/endpoints";

export const POST = route(delivery.sendWebhookTest, async ({ db, actor, params }) => ({
  body: { delivery: await sendTestEvent(db, actor, params.webhookId) },
}));
