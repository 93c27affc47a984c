import { route } from "@/lib/server/route";
import { restoreRisk } from "@/lib/services/risks/restore";
import { resources } from "@/lib/validation/endpoints";

export const POST = route(resources.restoreRisk, async ({ db, actor, params }) => {
  const risk = await restoreRisk(db, actor, params.riskId);
  return { body: { risk }, version: risk.version };
});
