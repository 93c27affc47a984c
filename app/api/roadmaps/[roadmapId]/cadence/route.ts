import { route } from "@/lib/server/route";
import { getCadence, putCadence } from "@/lib/services/reviews/cadence";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getCadence, async ({ db, actor, params }) => {
  const cadence = await getCadence(db, actor, params.roadmapId);
  return { body: { cadence }, version: cadence.version };
});

export const PUT = route(communication.putCadence, async ({ db, actor, params, body, ifMatch }) => {
  const cadence = await putCadence(db, actor, params.roadmapId, ifMatch, body);
  return { body: { cadence }, version: cadence.version };
});
