import type { Database } from "@/db/types";
import { publish, roadmapTopic } from "@/lib/services/kernel/live-events";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { writeRoadmap } from "./write";

/** Soft delete: restorable for 30 days. At commit, every instance closes the roadmap's streams. */
export async function deleteRoadmap(
  db: Database,
  actor: Actor,
  roadmapId: string,
  expectedVersion: number,
): Promise<Roadmap> {
  await accessRoadmap(db, actor, roadmapId, "roadmap.write");
  return db.transaction(async (tx) => {
    const deleted = await writeRoadmap(tx, actor, roadmapId, expectedVersion, {
      set: { deletedAt: new Date() },
      action: "deleted",
    });
    await publish(tx, { topic: roadmapTopic(roadmapId), kind: "deleted" });
    return deleted;
  });
}
