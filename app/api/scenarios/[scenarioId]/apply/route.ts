import { route } from "@/lib/server/route";
import { applyScenario } from "@/lib/services/scenarios/apply";
import { replanning } from "@/lib/validation/endpoints";

export const POST = route(replanning.applyScenario, async ({ db, actor, params, ifMatch }) => {
  const result = await applyScenario(db, actor, params.scenarioId, ifMatch);
  return { body: result, version: result.base.version };
});
