import { route } from "@/lib/server/route";
import { createPhase } from "@/lib/services/phases/create";
import { listPhases } from "@/lib/services/phases/list";
import { replanning } from "@/lib/validation/endpoints";

export const GET = route(replanning.listPhases, async ({ db, actor, params }) => ({
  body: { items: await listPhases(db, actor, params.roadmapId) },
}));

export const POST = route(replanning.createPhase, async ({ db, actor, params, body }) => {
  const phase = await createPhase(db, actor, params.roadmapId, body);
  return { body: { phase }, version: phase.version };
});
