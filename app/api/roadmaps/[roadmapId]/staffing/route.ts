import { route } from "@/lib/server/route";
import { getStaffing, putStaffing } from "@/lib/services/staffing/staffing";
import { resources } from "@/lib/validation/endpoints";

export const GET = route(resources.getStaffing, async ({ db, actor, params }) => {
  const staffing = await getStaffing(db, actor, params.roadmapId);
  return { body: { staffing }, version: staffing.version };
});

export const PUT = route(resources.putStaffing, async ({ db, actor, params, body, ifMatch }) => {
  const staffing = await putStaffing(db, actor, params.roadmapId, ifMatch, body);
  return { body: { staffing }, version: staffing.version };
});
