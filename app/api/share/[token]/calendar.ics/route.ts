import { route } from "@/lib/server/route";
import { loadSharedCalendar, SHARED_HEADERS } from "@/lib/services/share-links/shared-view";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getSharedCalendar, async ({ db, params }) => {
  const calendar = await loadSharedCalendar(db, params.token);
  return new Response(calendar, {
    headers: { ...SHARED_HEADERS, "content-type": "text/calendar; charset=utf-8" },
  });
});
