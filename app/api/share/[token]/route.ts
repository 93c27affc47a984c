import { route } from "@/lib/server/route";
import { loadSharedView, SHARED_HEADERS } from "@/lib/services/share-links/shared-view";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getSharedView, async ({ db, params }) => ({
  body: await loadSharedView(db, params.token),
  headers: SHARED_HEADERS,
}));
