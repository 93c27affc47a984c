import { route } from "@/lib/server/route";
import { getForecast } from "@/lib/services/forecast";
import { resources } from "@/lib/validation/endpoints";

export const GET = route(resources.getForecast, async ({ db, actor, params, query }) => ({
  body: await getForecast(db, actor, params.roadmapId, query),
}));
