import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { roadmaps } from "@/db/schema";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { recordRoadmapChange, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { toRoadmap } from "./rows";

export async function reload(db: Database, roadmapId: string): Promise<RoadmapRow> {
  const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmapId)).limit(1);
  if (!row) throw notFound("roadmap");
  return row;
}

/**
 * Writes a roadmap at the version the caller read and records the change; a version that moved
 * on answers 412 with the roadmap as it is now.
 */
export async function writeRoadmap(
  tx: Database,
  actor: Actor,
  roadmapId: string,
  expectedVersion: number,
  change: {
    set: Partial<typeof roadmaps.$inferInsert>;
    action: "updated" | "deleted" | "restored";
    changes?: Record<string, unknown>;
  },
  { live = true } = {},
): Promise<Roadmap> {
  const [row] = await tx
    .update(roadmaps)
    .set({ ...change.set, version: expectedVersion + 1, updatedAt: new Date() })
    .where(
      and(
        eq(roadmaps.id, roadmapId),
        eq(roadmaps.version, expectedVersion),
        live ? isNull(roadmaps.deletedAt) : undefined,
      ),
    )
    .returning();
  if (!row) throw versionMismatch("roadmap", toRoadmap(await reload(tx, roadmapId)));
  await recordRoadmapChange(tx, actor, row, {
    entity: "roadmap",
    entityId: row.id,
    action: change.action,
    version: row.version,
    changes: change.changes,
  });
  return toRoadmap(row);
}
