import { route } from "@/lib/server/route";
import { createItem } from "@/lib/services/items/create";
import { timeline } from "@/lib/validation/endpoints";

export const POST = route(timeline.createItem, async ({ db, actor, params, body }) => {
  const item = await createItem(db, actor, params.roadmapId, body);
  return { body: { item }, version: item.version };
});
