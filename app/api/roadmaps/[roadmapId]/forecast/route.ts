import { route } from "@/lib/server/route";
import { getForecast } from "@/lib/services/forecast/forecast";
import { resources } from "@/lib/validation/endpoints";

// The request's signal: a client that goes away leaves the queue, and a run nobody waits for stops.
export const GET = route(resources.getForecast, async ({ req, db, actor, params, query }) => ({
  body: await getForecast(db, actor, params.roadmapId, query, req.signal),
}));
