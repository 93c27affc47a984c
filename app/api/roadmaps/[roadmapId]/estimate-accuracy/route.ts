import { route } from "@/lib/server/route";
import { getEstimateAccuracy } from "@/lib/services/learning/accuracy";
import { learning } from "@/lib/validation/endpoints";

export const GET = route(learning.getEstimateAccuracy, async ({ db, actor, params, query }) => ({
  body: await getEstimateAccuracy(db, actor, params.roadmapId, query.by),
}));
