import { route } from "@/lib/server/route";
import { markNotificationsRead } from "@/lib/services/notifications/notifications";
import { collaboration } from "@/lib/validation/endpoints";

export const POST = route(collaboration.markNotificationsRead, async ({ db, actor, body }) => ({
  body: { unreadCount: await markNotificationsRead(db, actor, body) },
}));
