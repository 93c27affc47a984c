import { hit, limitFor } from "@/lib/server/rate-limit";
import { route } from "@/lib/server/route";
import { sendTestEvent } from "@/lib/services/webhooks/events";
import { delivery } from "@/lib/validation/endpoints";

// Counted per caller before anything else: each test event is a POST to the webhook's address, so
// a flood of them would make Cairn a relay against that address.
export const POST = route(delivery.sendWebhookTest, async ({ db, actor, params }) => {
  await hit(db, `webhook-test:${actor.userId}`, limitFor("WEBHOOK_TEST"));
  return { body: { delivery: await sendTestEvent(db, actor, params.webhookId) } };
});
