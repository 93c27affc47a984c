import { route } from "@/lib/server/route";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import { timeline } from "@/lib/validation/endpoints";

export const POST = route(timeline.createWorkstream, async ({ db, actor, params, body }) => {
  const workstream = await createWorkstream(db, actor, params.roadmapId, body);
  return { body: { workstream }, version: workstream.version };
});
