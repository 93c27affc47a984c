import { route } from "@/lib/server/route";
import { runAutoSchedule } from "@/lib/services/schedule/auto-schedule";
import { replanning } from "@/lib/validation/endpoints";

export const POST = route(replanning.autoSchedule, async ({ db, actor, params, body, ifMatch }) => {
  const result = await runAutoSchedule(db, actor, params.roadmapId, ifMatch, body);
  return { body: result, version: result.roadmapVersion };
});
