import { route } from "@/lib/server/route";
import { createRisk } from "@/lib/services/risks/create";
import { listRisks } from "@/lib/services/risks/list";
import { resources } from "@/lib/validation/endpoints";

export const GET = route(resources.listRisks, async ({ db, actor, params }) => ({
  body: { items: await listRisks(db, actor, params.roadmapId) },
}));

export const POST = route(resources.createRisk, async ({ db, actor, params, body }) => {
  const risk = await createRisk(db, actor, params.roadmapId, body);
  return { body: { risk }, version: risk.version };
});
