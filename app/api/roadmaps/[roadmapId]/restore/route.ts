import { route } from "@/lib/server/route";
import { restoreRoadmap } from "@/lib/services/roadmaps/restore";
import { timeline } from "@/lib/validation/endpoints";

export const POST = route(timeline.restoreRoadmap, async ({ db, actor, params }) => {
  const roadmap = await restoreRoadmap(db, actor, params.roadmapId);
  return { body: { roadmap }, version: roadmap.version };
});
