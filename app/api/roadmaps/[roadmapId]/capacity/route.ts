import { route } from "@/lib/server/route";
import { getCapacity } from "@/lib/services/staffing/capacity";
import { resources } from "@/lib/validation/endpoints";

export const GET = route(resources.getCapacity, async ({ db, actor, params }) => ({
  body: await getCapacity(db, actor, params.roadmapId),
}));
