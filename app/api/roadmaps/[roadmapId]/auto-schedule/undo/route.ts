import { route } from "@/lib/server/route";
import { undoAutoSchedule } from "@/lib/services/schedule/auto-schedule";
import { replanning } from "@/lib/validation/endpoints";

export const POST = route(replanning.undoAutoSchedule, async ({ db, actor, params, body }) => ({
  body: await undoAutoSchedule(db, actor, params.roadmapId, body.snapshotId),
}));
