import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { activity, roadmaps, snapshots } from "@/db/schema";
import { autoSchedule, type AutoScheduleMove } from "@/lib/planning/auto-schedule";
import { CycleError } from "@/lib/planning/graph";
import type { AutoScheduleInput, AutoScheduleResult } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { writeItemDates } from "@/lib/services/items/bulk-dates";
import { loadDependenciesInOneRead, loadItemsInOneRead } from "@/lib/services/items/one-read";
import { accessRoadmap, recordRoadmapChange, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { toRoadmap } from "@/lib/services/roadmaps/rows";
import { packedAsBase64, storedDocument } from "@/lib/services/snapshots/packed";
import { takeSnapshot } from "@/lib/services/snapshots/take";
import { queueBulkItemEvents } from "@/lib/services/webhooks/bulk-events";

/** One roadmap change for the whole run (a roadmap event makes open pages reload the board). */
async function recordRun(tx: Database, actor: Actor, roadmap: RoadmapRow, changes: Record<string, unknown>) {
  const [bumped] = await tx
    .update(roadmaps)
    .set({ version: sql`${roadmaps.version} + 1`, updatedAt: new Date() })
    .where(eq(roadmaps.id, roadmap.id))
    .returning({ version: roadmaps.version });
  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "roadmap",
    entityId: roadmap.id,
    action: "updated",
    version: bumped.version,
    changes,
  });
  return bumped.version;
}

/**
 * Moves features to the earliest start their dependencies allow (lib/planning/auto-schedule), after
 * a snapshot for undo, in one transaction. If-Match, when sent, must name the roadmap's version.
 */
export async function runAutoSchedule(
  db: Database,
  actor: Actor,
  roadmapId: string,
  ifMatch: number | undefined,
  input: AutoScheduleInput,
): Promise<AutoScheduleResult> {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    if (ifMatch !== undefined && ifMatch !== roadmap.version)
      throw versionMismatch("roadmap", toRoadmap(roadmap));
    const live = await loadItemsInOneRead(tx, roadmapId);
    const ids = new Set(live.map((i) => i.id));
    const unknown = (input.itemIds ?? []).filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      throw new AppError("invalid_reference", "Some items named are not items of this roadmap.", {
        details: { itemIds: unknown },
      });
    }
    const dependencies = await loadDependenciesInOneRead(tx, roadmapId, ids);
    let result: ReturnType<typeof autoSchedule>;
    try {
      result = autoSchedule({
        projectStart: roadmap.startDate,
        horizonMonths: roadmap.horizonMonths,
        items: live,
        dependencies,
        selected: input.itemIds ? new Set(input.itemIds) : null,
        followSuccessors: input.followSuccessors ?? false,
      });
    } catch (error) {
      if (error instanceof CycleError) {
        throw new AppError(
          "dependency_cycle",
          "The dependencies form a loop; remove one of the links named.",
          {
            details: { cycle: error.cycle },
          },
        );
      }
      throw error;
    }
    if (result.moved.length === 0) {
      return { moved: [], skipped: result.skipped, snapshotId: null, roadmapVersion: roadmap.version };
    }
    // The snapshot is of the items and links just read under the lock: they are not read again.
    const snapshot = await takeSnapshot(tx, actor, roadmap, {
      label: `Before auto-schedule (${result.moved.length} ${result.moved.length === 1 ? "feature" : "features"})`,
      kind: "auto_schedule",
      loaded: { items: live, dependencies },
    });
    await writeItemDates(
      tx,
      roadmapId,
      result.moved.map((m) => ({ id: m.id, start: m.toStart, end: m.toEnd })),
    );
    const roadmapVersion = await recordRun(tx, actor, roadmap, {
      autoSchedule: { snapshotId: snapshot.id, moved: result.moved },
    });
    const titles = new Map(live.map((i) => [i.id, i.title]));
    await queueBulkItemEvents(
      tx,
      roadmap,
      "auto_schedule",
      result.moved.map((m) => ({ type: "item.updated", itemId: m.id, title: titles.get(m.id) })),
    );
    return { moved: result.moved, skipped: result.skipped, snapshotId: snapshot.id, roadmapVersion };
  });
}

/**
 * Puts back the dates an auto-schedule moved, from the snapshot it took; features changed since
 * (their dates are no longer the ones it set) are left as they are and listed.
 */
export async function undoAutoSchedule(db: Database, actor: Actor, roadmapId: string, snapshotId: string) {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    const [snapshot] = await tx
      .select({ roadmapId: snapshots.roadmapId, document: snapshots.document, packed: packedAsBase64 })
      .from(snapshots)
      .where(eq(snapshots.id, snapshotId))
      .limit(1);
    if (!snapshot) throw notFound("snapshot");
    if (snapshot.roadmapId !== roadmapId) {
      await accessRoadmap(tx, actor, snapshot.roadmapId, "team.read");
      throw new AppError("cross_roadmap", "That snapshot belongs to another roadmap.");
    }
    const [run] = await tx
      .select({ changes: activity.changes })
      .from(activity)
      .where(
        and(
          eq(activity.roadmapId, roadmapId),
          eq(activity.entity, "roadmap"),
          sql`${activity.changes} -> 'autoSchedule' ->> 'snapshotId' = ${snapshotId}`,
        ),
      )
      .limit(1);
    if (!run) {
      throw new AppError(
        "invalid_reference",
        "That snapshot was not taken by an auto-schedule of this roadmap.",
      );
    }
    const moved = (run.changes as { autoSchedule: { moved: AutoScheduleMove[] } }).autoSchedule.moved;
    const now = new Map((await loadItemsInOneRead(tx, roadmapId)).map((i) => [i.id, i]));
    const before = new Map((await storedDocument(snapshot)).items.map((i) => [i.id, i]));
    const restored: { id: string; start: string; end: string }[] = [];
    const skipped: { id: string; reason: string }[] = [];
    for (const m of moved) {
      const item = now.get(m.id);
      const old = before.get(m.id);
      if (!item || !old) skipped.push({ id: m.id, reason: "The item was deleted since." });
      else if (item.startDate !== m.toStart || item.endDate !== m.toEnd)
        skipped.push({ id: m.id, reason: "Its dates were changed since the auto-schedule; they stay." });
      else restored.push({ id: m.id, start: old.startDate, end: old.endDate });
    }
    if (restored.length > 0) {
      await writeItemDates(tx, roadmapId, restored);
      await recordRun(tx, actor, roadmap, { autoScheduleUndone: { snapshotId, restored: restored.length } });
      await queueBulkItemEvents(
        tx,
        roadmap,
        "auto_schedule_undo",
        restored.map((r) => ({ type: "item.updated", itemId: r.id, title: now.get(r.id)?.title })),
      );
    }
    return { restored: restored.map((r) => ({ id: r.id, toStart: r.start })), skipped };
  });
}
