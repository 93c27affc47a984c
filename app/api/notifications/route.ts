import { route } from "@/lib/server/route";
import { listNotifications } from "@/lib/services/notifications/notifications";
import { collaboration } from "@/lib/validation/endpoints";

export const GET = route(collaboration.listNotifications, async ({ db, actor, query }) => ({
  body: await listNotifications(db, actor, query),
}));
