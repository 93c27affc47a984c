import { route } from "@/lib/server/route";
import { deleteWorkstream, updateWorkstream } from "@/lib/services/workstreams/workstreams";
import { timeline } from "@/lib/validation/endpoints";

export const PATCH = route(timeline.updateWorkstream, async ({ db, actor, params, body, ifMatch }) => {
  const workstream = await updateWorkstream(db, actor, params.workstreamId, ifMatch, body);
  return { body: { workstream }, version: workstream.version };
});

export const DELETE = route(timeline.deleteWorkstream, async ({ db, actor, params, ifMatch }) => {
  await deleteWorkstream(db, actor, params.workstreamId, ifMatch);
  return { body: { ok: true } };
});
