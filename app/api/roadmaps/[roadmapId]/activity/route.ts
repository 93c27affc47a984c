import { route } from "@/lib/server/route";
import { listActivity } from "@/lib/services/activity/list";
import { collaboration } from "@/lib/validation/endpoints";

export const GET = route(collaboration.listActivity, async ({ db, actor, params, query }) => ({
  body: await listActivity(db, actor, params.roadmapId, query),
}));
