import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { dependencies, items, roadmaps } from "@/db/schema";
import { wouldCreateCycle } from "@/lib/planning/graph";
import type { CreateDependencyInput, Dependency } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, isUniqueViolation, notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";

const toDependency = (d: typeof dependencies.$inferSelect): Dependency => ({
  id: d.id,
  roadmapId: d.roadmapId,
  fromId: d.fromId,
  toId: d.toId,
  lagDays: d.lagDays,
});

/** Links whose two ends are both live items: the network the schedule and cycle checks see. */
export async function loadDependencies(
  db: Database,
  roadmapId: string,
  liveItemIds?: ReadonlySet<string>,
): Promise<Dependency[]> {
  // Two index scans and a filter here beat joining items twice (about 5x on 1,000 items).
  const [live, rows] = await Promise.all([
    liveItemIds ??
      db
        .select({ id: items.id })
        .from(items)
        .where(and(eq(items.roadmapId, roadmapId), isNull(items.deletedAt)))
        .then((list) => new Set(list.map((i) => i.id))),
    db.select().from(dependencies).where(eq(dependencies.roadmapId, roadmapId)),
  ]);
  return rows.filter((d) => live.has(d.fromId) && live.has(d.toId)).map(toDependency);
}

export async function liveDependencyEdges(db: Database, roadmapId: string) {
  return (await loadDependencies(db, roadmapId)).map(({ fromId, toId }) => ({ fromId, toId }));
}

/** Both ends must be live items of this roadmap; another roadmap of the team is a 422, anything else unseen. */
async function checkEnds(db: Database, roadmap: { id: string; teamId: string }, ids: string[]) {
  for (const id of ids) {
    const [row] = await db
      .select({ roadmapId: items.roadmapId, teamId: roadmaps.teamId, deletedAt: items.deletedAt })
      .from(items)
      .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
      .where(eq(items.id, id))
      .limit(1);
    if (!row || row.deletedAt || row.teamId !== roadmap.teamId) throw notFound("item");
    if (row.roadmapId !== roadmap.id) {
      throw new AppError("cross_roadmap", "Both items of a dependency must be in this roadmap.", {
        details: { itemId: id, roadmapId: row.roadmapId },
      });
    }
  }
}

export async function createDependency(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateDependencyInput,
): Promise<Dependency> {
  await accessRoadmap(db, actor, roadmapId, "roadmap.write");
  if (input.fromId === input.toId) {
    throw new AppError("dependency_cycle", "An item cannot depend on itself.", {
      details: { cycle: [input.fromId] },
    });
  }
  try {
    return await db.transaction(async (tx) => {
      // The roadmap row lock serialises link creation, so two links cannot close a loop together.
      const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
      await checkEnds(tx, roadmap, [input.fromId, input.toId]);
      const cycle = wouldCreateCycle(await liveDependencyEdges(tx, roadmapId), input.fromId, input.toId);
      if (cycle) {
        throw new AppError(
          "dependency_cycle",
          `This link would close a loop of ${cycle.length} items, so none of them could ever start. Remove one of the existing links first.`,
          { details: { cycle } },
        );
      }
      const [row] = await tx
        .insert(dependencies)
        .values({ roadmapId, fromId: input.fromId, toId: input.toId, lagDays: input.lagDays ?? 0 })
        .returning();
      await recordRoadmapChange(tx, actor, roadmap, {
        entity: "dependency",
        entityId: row.id,
        action: "created",
        changes: { fromId: row.fromId, toId: row.toId, lagDays: row.lagDays },
      });
      return toDependency(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "These two items are already linked.");
    throw error;
  }
}

export async function deleteDependency(db: Database, actor: Actor, dependencyId: string): Promise<void> {
  const [row] = await db.select().from(dependencies).where(eq(dependencies.id, dependencyId)).limit(1);
  if (!row) throw notFound("dependency");
  const { roadmap } = await accessRoadmap(db, actor, row.roadmapId, "roadmap.write");
  await db.transaction(async (tx) => {
    await accessRoadmap(tx, actor, roadmap.id, "roadmap.write", { lock: true });
    const deleted = await tx.delete(dependencies).where(eq(dependencies.id, dependencyId)).returning();
    if (deleted.length === 0) throw notFound("dependency");
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "dependency",
      entityId: dependencyId,
      action: "deleted",
      changes: { fromId: row.fromId, toId: row.toId, lagDays: row.lagDays },
    });
  });
}
