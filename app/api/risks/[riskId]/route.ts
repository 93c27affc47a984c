import { route } from "@/lib/server/route";
import { deleteRisk } from "@/lib/services/risks/delete";
import { updateRisk } from "@/lib/services/risks/update";
import { resources } from "@/lib/validation/endpoints";

export const PATCH = route(resources.updateRisk, async ({ db, actor, params, body, ifMatch }) => {
  const risk = await updateRisk(db, actor, params.riskId, ifMatch, body);
  return { body: { risk }, version: risk.version };
});

export const DELETE = route(resources.deleteRisk, async ({ db, actor, params, ifMatch }) => {
  const risk = await deleteRisk(db, actor, params.riskId, ifMatch);
  return { body: { risk }, version: risk.version };
});
