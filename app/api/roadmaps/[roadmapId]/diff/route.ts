import { route } from "@/lib/server/route";
import { getDiff } from "@/lib/services/roadmaps/diff";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getDiff, async ({ db, actor, params, query }) => ({
  body: await getDiff(db, actor, params.roadmapId, query),
}));
