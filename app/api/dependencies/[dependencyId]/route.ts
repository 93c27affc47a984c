import { route } from "@/lib/server/route";
import { deleteDependency } from "@/lib/services/dependencies/edges";
import { timeline } from "@/lib/validation/endpoints";

export const DELETE = route(timeline.deleteDependency, async ({ db, actor, params }) => {
  await deleteDependency(db, actor, params.dependencyId);
  return { body: { ok: true } };
});
