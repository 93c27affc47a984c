import { route } from "@/lib/server/route";
import { deleteTimeEntry } from "@/lib/services/time-entries/delete";
import { learning } from "@/lib/validation/endpoints";

export const DELETE = route(learning.deleteTimeEntry, async ({ db, actor, params }) => {
  await deleteTimeEntry(db, actor, params.timeEntryId);
  return { body: { ok: true } };
});
