import { route } from "@/lib/server/route";
import { createDependency } from "@/lib/services/dependencies/edges";
import { timeline } from "@/lib/validation/endpoints";

export const POST = route(timeline.createDependency, async ({ db, actor, params, body }) => ({
  body: { dependency: await createDependency(db, actor, params.roadmapId, body) },
}));
