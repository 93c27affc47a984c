import { route } from "@/lib/server/route";
import { createScenario, listScenarios } from "@/lib/services/scenarios/scenarios";
import { replanning } from "@/lib/validation/endpoints";

export const GET = route(replanning.listScenarios, async ({ db, actor, params }) => ({
  body: { items: await listScenarios(db, actor, params.roadmapId) },
}));

export const POST = route(replanning.createScenario, async ({ db, actor, params, body }) => {
  const scenario = await createScenario(db, actor, params.roadmapId, body);
  return { body: { scenario }, version: scenario.roadmap.version };
});
