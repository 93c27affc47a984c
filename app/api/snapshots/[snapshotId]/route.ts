import { route } from "@/lib/server/route";
import { getSnapshot } from "@/lib/services/snapshots/queries";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getSnapshot, async ({ db, actor, params }) => ({
  body: await getSnapshot(db, actor, params.snapshotId),
}));
