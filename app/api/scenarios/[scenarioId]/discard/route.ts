import { route } from "@/lib/server/route";
import { discardScenario } from "@/lib/services/scenarios/scenarios";
import { replanning } from "@/lib/validation/endpoints";

export const POST = route(replanning.discardScenario, async ({ db, actor, params }) => {
  const scenario = await discardScenario(db, actor, params.scenarioId);
  return { body: { scenario }, version: scenario.roadmap.version };
});
