import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, workstreams } from "@/db/schema";
import type { Workstream } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, diffFields, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";

type WorkstreamRow = typeof workstreams.$inferSelect;

export const toWorkstream = (w: WorkstreamRow): Workstream => ({
  id: w.id,
  roadmapId: w.roadmapId,
  name: w.name,
  position: w.position,
  version: w.version,
});

export async function listWorkstreams(db: Database, roadmapId: string): Promise<Workstream[]> {
  const rows = await db
    .select()
    .from(workstreams)
    .where(and(eq(workstreams.roadmapId, roadmapId), isNull(workstreams.deletedAt)))
    .orderBy(asc(workstreams.position), asc(workstreams.createdAt));
  return rows.map(toWorkstream);
}

export async function createWorkstream(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: { name: string; position?: number },
): Promise<Workstream> {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${workstreams.position}) + 1, 0)::int` })
      .from(workstreams)
      .where(and(eq(workstreams.roadmapId, roadmapId), isNull(workstreams.deletedAt)));
    const [row] = await tx
      .insert(workstreams)
      .values({ roadmapId, name: input.name, position: input.position ?? next })
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "workstream",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: { name: row.name },
    });
    return toWorkstream(row);
  });
}

async function accessWorkstream(db: Database, actor: Actor, workstreamId: string) {
  const [row] = await db
    .select()
    .from(workstreams)
    .where(and(eq(workstreams.id, workstreamId), isNull(workstreams.deletedAt)))
    .limit(1);
  if (!row) throw notFound("lane");
  const { roadmap } = await accessRoadmap(db, actor, row.roadmapId, "roadmap.write");
  return { row, roadmap };
}

async function currentWorkstream(db: Database, id: string): Promise<Workstream> {
  const [row] = await db.select().from(workstreams).where(eq(workstreams.id, id)).limit(1);
  if (!row) throw notFound("lane");
  return toWorkstream(row);
}

export async function updateWorkstream(
  db: Database,
  actor: Actor,
  workstreamId: string,
  expectedVersion: number,
  input: { name?: string; position?: number },
): Promise<Workstream> {
  const { row: before, roadmap } = await accessWorkstream(db, actor, workstreamId);
  return db.transaction(async (tx) => {
    await accessRoadmap(tx, actor, roadmap.id, "roadmap.write", { lock: true });
    return writeWorkstream(tx, actor, roadmap, workstreamId, expectedVersion, {
      set: input,
      action: "updated",
      changes: diffFields(before, input),
    });
  });
}

/** Writes a lane at the version the caller read and records it; a moved-on version answers 412. */
async function writeWorkstream(
  tx: Database,
  actor: Actor,
  roadmap: { id: string; teamId: string },
  workstreamId: string,
  expectedVersion: number,
  change: {
    set: Partial<typeof workstreams.$inferInsert>;
    action: "updated" | "deleted";
    changes?: Record<string, unknown>;
  },
): Promise<Workstream> {
  const [row] = await tx
    .update(workstreams)
    .set({ ...change.set, version: expectedVersion + 1, updatedAt: new Date() })
    .where(
      and(
        eq(workstreams.id, workstreamId),
        eq(workstreams.version, expectedVersion),
        isNull(workstreams.deletedAt),
      ),
    )
    .returning();
  if (!row) throw versionMismatch("lane", await currentWorkstream(tx, workstreamId));
  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "workstream",
    entityId: row.id,
    action: change.action,
    version: row.version,
    changes: change.changes,
  });
  return toWorkstream(row);
}

/** Removes an empty lane; a lane with items must be emptied first so that no item loses its place. */
export async function deleteWorkstream(
  db: Database,
  actor: Actor,
  workstreamId: string,
  expectedVersion: number,
) {
  const { roadmap } = await accessWorkstream(db, actor, workstreamId);
  await db.transaction(async (tx) => {
    // Locked like item writes, so an item cannot land in this lane while it is being removed.
    await accessRoadmap(tx, actor, roadmap.id, "roadmap.write", { lock: true });
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(items)
      .where(and(eq(items.workstreamId, workstreamId), isNull(items.deletedAt)));
    if (count > 0) {
      throw new AppError(
        "workstream_not_empty",
        `This lane still holds ${count} item${count === 1 ? "" : "s"}. Move or delete them before removing the lane.`,
      );
    }
    await writeWorkstream(tx, actor, roadmap, workstreamId, expectedVersion, {
      set: { deletedAt: new Date() },
      action: "deleted",
    });
  });
}
