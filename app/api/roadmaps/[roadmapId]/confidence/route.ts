import { route } from "@/lib/server/route";
import { getConfidence } from "@/lib/services/learning/confidence";
import { learning } from "@/lib/validation/endpoints";

export const GET = route(learning.getConfidence, async ({ db, actor, params, query }) => ({
  body: await getConfidence(db, actor, params.roadmapId, query.method),
}));
