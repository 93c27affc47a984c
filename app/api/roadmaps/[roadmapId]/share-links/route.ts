import { publicOrigin, route } from "@/lib/server/route";
import { createShareLink, listShareLinks } from "@/lib/services/share-links/share-links";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.listShareLinks, async ({ db, actor, params }) => ({
  body: { items: await listShareLinks(db, actor, params.roadmapId) },
}));

export const POST = route(communication.createShareLink, async ({ db, actor, params, body, req }) => {
  const created = await createShareLink(db, actor, params.roadmapId, body, publicOrigin(req));
  return { body: created, version: created.shareLink.version };
});
