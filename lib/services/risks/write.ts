import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { risks } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRisk, type RiskRow } from "./rows";

/**
 * One risk write: the risk's roadmap checked (editor) before anything, then its transaction with
 * the roadmap lock first and the risk as it is now.
 */
export async function writeTransaction<T>(
  db: Database,
  actor: Actor,
  riskId: string,
  options: { includeDeleted?: boolean },
  work: (tx: Database, roadmap: RoadmapRow, row: RiskRow) => Promise<T>,
): Promise<T> {
  const [found] = await db.select().from(risks).where(eq(risks.id, riskId)).limit(1);
  if (!found || (found.deletedAt && !options.includeDeleted)) throw notFound("risk");
  await accessRoadmap(db, actor, found.roadmapId, "roadmap.write");
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, found.roadmapId, "roadmap.write", { lock: true });
    const [row] = await tx.select().from(risks).where(eq(risks.id, riskId)).limit(1);
    if (!row || (row.deletedAt && !options.includeDeleted)) throw notFound("risk");
    return work(tx, roadmap, row);
  });
}

export async function writeRisk(
  tx: Database,
  actor: Actor,
  roadmap: RoadmapRow,
  row: RiskRow,
  change: {
    set: Partial<typeof risks.$inferInsert>;
    action: "updated" | "deleted" | "restored";
    changes?: Record<string, unknown>;
  },
): Promise<RiskRow> {
  const [written] = await tx
    .update(risks)
    .set({ ...change.set, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(risks.id, row.id), eq(risks.version, row.version)))
    .returning();
  if (!written) throw versionMismatch("risk", await loadRisk(tx, row.id));
  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "risk",
    entityId: row.id,
    itemId: null,
    action: change.action,
    version: written.version,
    changes: change.changes,
  });
  return written;
}
