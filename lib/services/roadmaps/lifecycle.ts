import { and, asc, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, roadmaps } from "@/db/schema";
import { horizonEnd } from "@/lib/planning/calendar";
import { publish, roadmapTopic } from "@/lib/services/kernel/live-events";
import {
  HORIZON,
  type CreateRoadmapInput,
  type Roadmap,
  type RoadmapSummary,
  type UpdateRoadmapInput,
} from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import {
  accessRoadmap,
  diffFields,
  recordRoadmapChange,
  type RoadmapRow,
} from "@/lib/services/kernel/roadmap-access";

export const RESTORE_WINDOW_DAYS = 30;

export function toRoadmap(r: RoadmapRow): Roadmap {
  return {
    id: r.id,
    teamId: r.teamId,
    title: r.title,
    description: r.description,
    startDate: r.startDate,
    horizonMonths: r.horizonMonths,
    status: r.status,
    kind: r.kind,
    baseRoadmapId: r.baseRoadmapId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function checkHorizon(months: number) {
  if (months < HORIZON.min || months > HORIZON.max) {
    throw new AppError(
      "horizon_out_of_range",
      `A roadmap spans ${HORIZON.min} to ${HORIZON.max} months (12-18 is recommended); ${months} is outside that range.`,
      { details: { min: HORIZON.min, max: HORIZON.max, got: months } },
    );
  }
}

/** The team's live roadmaps (not deleted), most recently changed first, with item counts. */
export async function listRoadmaps(db: Database, actor: Actor, teamId: string): Promise<RoadmapSummary[]> {
  await requirePermission(db, actor, teamId, "team.read");
  const rows = await db
    .select({
      roadmap: roadmaps,
      itemCount: sql<number>`count(${items.id}) filter (where ${items.kind} = 'feature')::int`,
      milestoneCount: sql<number>`count(${items.id}) filter (where ${items.kind} = 'milestone')::int`,
    })
    .from(roadmaps)
    .leftJoin(items, and(eq(items.roadmapId, roadmaps.id), isNull(items.deletedAt)))
    .where(and(eq(roadmaps.teamId, teamId), isNull(roadmaps.deletedAt), eq(roadmaps.kind, "roadmap")))
    .groupBy(roadmaps.id)
    .orderBy(desc(roadmaps.updatedAt));
  return rows.map((r) => ({
    ...toRoadmap(r.roadmap),
    itemCount: r.itemCount,
    milestoneCount: r.milestoneCount,
  }));
}

export async function createRoadmap(
  db: Database,
  actor: Actor,
  teamId: string,
  input: CreateRoadmapInput,
): Promise<Roadmap> {
  await requirePermission(db, actor, teamId, "roadmap.write");
  const horizonMonths = input.horizonMonths ?? HORIZON.default;
  checkHorizon(horizonMonths);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roadmaps)
      .values({
        teamId,
        title: input.title,
        description: input.description || null,
        startDate: input.startDate,
        horizonMonths,
        status: input.status ?? "draft",
        createdBy: actor.userId,
      })
      .returning();
    await recordRoadmapChange(tx, actor, row, {
      entity: "roadmap",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: { title: row.title },
    });
    return toRoadmap(row);
  });
}

/** Items that would fall outside the horizon if the roadmap moved to [start, end]. */
async function itemsOutside(db: Database, roadmapId: string, start: string, end: string) {
  return db
    .select({ id: items.id, title: items.title })
    .from(items)
    .where(
      and(
        eq(items.roadmapId, roadmapId),
        isNull(items.deletedAt),
        or(lt(items.startDate, start), gt(items.endDate, end)),
      ),
    )
    .orderBy(asc(items.startDate))
    .limit(20);
}

export async function updateRoadmap(
  db: Database,
  actor: Actor,
  roadmapId: string,
  expectedVersion: number,
  input: UpdateRoadmapInput,
): Promise<Roadmap> {
  await accessRoadmap(db, actor, roadmapId, "roadmap.write");
  if (input.horizonMonths !== undefined) checkHorizon(input.horizonMonths);
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    if (roadmap.version !== expectedVersion) throw versionMismatch("roadmap", toRoadmap(roadmap));
    const startDate = input.startDate ?? roadmap.startDate;
    const months = input.horizonMonths ?? roadmap.horizonMonths;
    if (input.startDate !== undefined || input.horizonMonths !== undefined) {
      const outside = await itemsOutside(tx, roadmapId, startDate, horizonEnd(startDate, months));
      if (outside.length > 0) {
        throw new AppError(
          "outside_horizon",
          `${outside.length === 20 ? "At least 20" : outside.length} item${outside.length === 1 ? "" : "s"} would fall outside the new horizon (first: "${outside[0].title}"). Move them first, or choose a longer horizon.`,
          { details: { itemIds: outside.map((o) => o.id) } },
        );
      }
    }
    return writeRoadmap(tx, actor, roadmapId, expectedVersion, {
      set: input,
      action: "updated",
      changes: diffFields(roadmap, input),
    });
  });
}

async function reload(db: Database, roadmapId: string): Promise<RoadmapRow> {
  const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmapId)).limit(1);
  if (!row) throw notFound("roadmap");
  return row;
}

/**
 * Writes a roadmap at the version the caller read and records the change; a version that moved
 * on answers 412 with the roadmap as it is now.
 */
async function writeRoadmap(
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

/** Deleted roadmaps of a team that can still be restored (for the "recently deleted" list). */
export async function listDeletedRoadmaps(db: Database, actor: Actor, teamId: string): Promise<Roadmap[]> {
  await requirePermission(db, actor, teamId, "roadmap.write");
  const since = new Date(Date.now() - RESTORE_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .select()
    .from(roadmaps)
    .where(and(eq(roadmaps.teamId, teamId), gt(roadmaps.deletedAt, since)))
    .orderBy(desc(roadmaps.deletedAt));
  return rows.map(toRoadmap);
}
