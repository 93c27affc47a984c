import type { Database } from "@/db/types";
import type { Snapshot } from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { presentSnapshots } from "./queries";
import { takeSnapshot } from "./take";

/** A snapshot taken by hand (kind "manual"), under the roadmap lock like every roadmap write. */
export async function createSnapshot(
  db: Database,
  actor: Actor,
  roadmapId: string,
  label: string,
): Promise<Snapshot> {
  const row = await db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    return takeSnapshot(tx, actor, roadmap, { label, kind: "manual" });
  });
  const [snapshot] = await presentSnapshots(db, [row]);
  return snapshot;
}
