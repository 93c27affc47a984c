import { route } from "@/lib/server/route";
import { getBoard } from "@/lib/services/roadmaps/board";
import { deleteRoadmap } from "@/lib/services/roadmaps/delete";
import { updateRoadmap } from "@/lib/services/roadmaps/update";
import { timeline } from "@/lib/validation/endpoints";

export const GET = route(timeline.getBoard, async ({ db, actor, params }) => {
  const board = await getBoard(db, actor, params.roadmapId);
  return { body: board, version: board.roadmap.version };
});

export const PATCH = route(timeline.updateRoadmap, async ({ db, actor, params, body, ifMatch }) => {
  const roadmap = await updateRoadmap(db, actor, params.roadmapId, ifMatch, body);
  return { body: { roadmap }, version: roadmap.version };
});

export const DELETE = route(timeline.deleteRoadmap, async ({ db, actor, params, ifMatch }) => {
  const roadmap = await deleteRoadmap(db, actor, params.roadmapId, ifMatch);
  return { body: { roadmap }, version: roadmap.version };
});
