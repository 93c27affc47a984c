import { route } from "@/lib/server/route";
import { restoreItem } from "@/lib/services/items/restore";
import { timeline } from "@/lib/validation/endpoints";

export const POST = route(timeline.restoreItem, async ({ db, actor, params }) => {
  const item = await restoreItem(db, actor, params.itemId);
  return { body: { item }, version: item.version };
});
