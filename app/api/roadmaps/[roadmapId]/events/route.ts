import { database } from "@/lib/server/database";
import { roadmapEventsResponse } from "@/lib/server/live/events-response";
import { route } from "@/lib/server/route";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { collaboration } from "@/lib/validation/endpoints";

export const GET = route(collaboration.roadmapEvents, async ({ req, actor, params, query }) => {
  const handle = await database();
  const { roadmap } = await accessRoadmap(handle.db, actor, params.roadmapId, "team.read");
  return roadmapEventsResponse(req, handle, actor, roadmap, query.lastEventId);
});
