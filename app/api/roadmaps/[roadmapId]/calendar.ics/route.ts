import { route } from "@/lib/server/route";
import { getRoadmapCalendar } from "@/lib/services/roadmaps/calendar";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getCalendar, async ({ db, actor, params }) => {
  const { fileName, ics } = await getRoadmapCalendar(db, actor, params.roadmapId);
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
