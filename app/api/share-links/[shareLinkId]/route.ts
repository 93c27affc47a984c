import { route } from "@/lib/server/route";
import { revokeShareLink } from "@/lib/services/share-links/share-links";
import { communication } from "@/lib/validation/endpoints";

export const DELETE = route(communication.revokeShareLink, async ({ db, actor, params, ifMatch }) => {
  const shareLink = await revokeShareLink(db, actor, params.shareLinkId, ifMatch);
  return { body: { shareLink }, version: shareLink.version };
});
