import type { Database } from "@/db/types";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { RESTORE_WINDOW_DAYS, toRoadmap } from "./rows";
import { writeRoadmap } from "./write";

export async function restoreRoadmap(db: Database, actor: Actor, roadmapId: string): Promise<Roadmap> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "roadmap.write", { includeDeleted: true });
  if (!roadmap.deletedAt) return toRoadmap(roadmap);
  if (Date.now() - roadmap.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) throw notFound("roadmap");
  return db.transaction((tx) =>
    writeRoadmap(
      tx,
      actor,
      roadmapId,
      roadmap.version,
      { set: { deletedAt: null }, action: "restored" },
      { live: false },
    ),
  );
}
