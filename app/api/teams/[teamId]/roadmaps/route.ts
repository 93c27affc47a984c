import { route } from "@/lib/server/route";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { listDeletedRoadmaps, listRoadmaps } from "@/lib/services/roadmaps/list";
import { timeline } from "@/lib/validation/endpoints";

export const GET = route(timeline.listRoadmaps, async ({ db, actor, params, query }) => ({
  body: {
    items:
      query.deleted === "true"
        ? await listDeletedRoadmaps(db, actor, params.teamId)
        : await listRoadmaps(db, actor, params.teamId),
  },
}));

export const POST = route(timeline.createRoadmap, async ({ db, actor, params, body }) => {
  const roadmap = await createRoadmap(db, actor, params.teamId, body);
  return { body: { roadmap }, version: roadmap.version };
});
