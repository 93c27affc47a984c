import { route } from "@/lib/server/route";
import { createTimeEntry } from "@/lib/services/time-entries/create";
import { listTimeEntries } from "@/lib/services/time-entries/list";
import { learning } from "@/lib/validation/endpoints";

export const GET = route(learning.listTimeEntries, async ({ db, actor, params }) => ({
  body: await listTimeEntries(db, actor, params.itemId),
}));

export const POST = route(learning.createTimeEntry, async ({ db, actor, params, body }) => ({
  body: { timeEntry: await createTimeEntry(db, actor, params.itemId, body) },
}));
