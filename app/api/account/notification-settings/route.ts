import { route } from "@/lib/server/route";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/services/mail/settings";
import { delivery } from "@/lib/validation/endpoints";

export const GET = route(delivery.getNotificationSettings, async ({ db, actor }) => ({
  body: { settings: await getNotificationSettings(db, actor) },
}));

export const PUT = route(delivery.updateNotificationSettings, async ({ db, actor, body }) => ({
  body: { settings: await updateNotificationSettings(db, actor, body) },
}));
