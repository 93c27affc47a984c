import { route } from "@/lib/server/route";
import { deletePhase } from "@/lib/services/phases/delete";
import { updatePhase } from "@/lib/services/phases/update";
import { replanning } from "@/lib/validation/endpoints";

export const PATCH = route(replanning.updatePhase, async ({ db, actor, params, body, ifMatch }) => {
  const phase = await updatePhase(db, actor, params.phaseId, ifMatch, body);
  return { body: { phase }, version: phase.version };
});

export const DELETE = route(replanning.deletePhase, async ({ db, actor, params, ifMatch }) => {
  await deletePhase(db, actor, params.phaseId, ifMatch);
  return { body: { ok: true } };
});
