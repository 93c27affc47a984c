import { route } from "@/lib/server/route";
import { compareScenario } from "@/lib/services/scenarios/compare";
import { replanning } from "@/lib/validation/endpoints";

/** The ETag is the base's version: what apply's If-Match must name. */
export const GET = route(replanning.compareScenario, async ({ db, actor, params }) => {
  const comparison = await compareScenario(db, actor, params.scenarioId);
  return { body: comparison, version: comparison.base.version };
});
