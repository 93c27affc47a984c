import { route } from "@/lib/server/route";
import { decideGate } from "@/lib/services/phases/decide-gate";
import { replanning } from "@/lib/validation/endpoints";

export const POST = route(replanning.decideGate, async ({ db, actor, params, body }) => {
  const result = await decideGate(db, actor, params.phaseId, body);
  return { body: result, version: result.phase.version };
});
