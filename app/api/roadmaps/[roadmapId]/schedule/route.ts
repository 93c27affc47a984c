import { route } from "@/lib/server/route";
import { getSchedule } from "@/lib/services/roadmaps/board";
import { timeline } from "@/lib/validation/endpoints";

export const GET = route(timeline.getSchedule, async ({ db, actor, params }) => ({
  body: await getSchedule(db, actor, params.roadmapId),
}));
