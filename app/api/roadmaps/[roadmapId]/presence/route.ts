import { route } from "@/lib/server/route";
import { listPresence, setEditingItem } from "@/lib/services/presence/presence";
import { collaboration } from "@/lib/validation/endpoints";

export const GET = route(collaboration.listPresence, async ({ db, actor, params }) => {
  const present = await listPresence(db, actor, params.roadmapId);
  return {
    body: {
      items: present.map(({ userId, name, email, connectionId, itemId }) => ({
        user: { id: userId, name, email },
        connectionId,
        itemId,
      })),
    },
  };
});

export const PUT = route(collaboration.updatePresence, async ({ db, actor, params, body }) => {
  await setEditingItem(db, actor, params.roadmapId, body);
  return { body: { ok: true } };
});
