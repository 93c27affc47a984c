import { route } from "@/lib/server/route";
import { deleteItem } from "@/lib/services/items/delete";
import { getItem } from "@/lib/services/items/get";
import { updateItem } from "@/lib/services/items/update";
import { timeline } from "@/lib/validation/endpoints";

export const GET = route(timeline.getItem, async ({ db, actor, params }) => {
  const item = await getItem(db, actor, params.itemId);
  return { body: { item }, version: item.version };
});

export const PATCH = route(timeline.updateItem, async ({ db, actor, params, body, ifMatch }) => {
  const item = await updateItem(db, actor, params.itemId, ifMatch, body);
  return { body: { item }, version: item.version };
});

export const DELETE = route(timeline.deleteItem, async ({ db, actor, params, ifMatch }) => {
  const item = await deleteItem(db, actor, params.itemId, ifMatch);
  return { body: { item }, version: item.version };
});
