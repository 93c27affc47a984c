import { route } from "@/lib/server/route";
import { createSnapshot } from "@/lib/services/snapshots/create";
import { listSnapshots } from "@/lib/services/snapshots/queries";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.listSnapshots, async ({ db, actor, params }) => ({
  body: { items: await listSnapshots(db, actor, params.roadmapId) },
}));

export const POST = route(communication.createSnapshot, async ({ db, actor, params, body }) => ({
  body: { snapshot: await createSnapshot(db, actor, params.roadmapId, body.label) },
}));
