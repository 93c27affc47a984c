import { and, eq, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/types";
import { dependencies, items, workstreams } from "@/db/schema";
import { wouldCreateCycle } from "@/lib/planning/graph";
import type { Item } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { RESTORE_WINDOW_DAYS } from "@/lib/services/roadmaps/rows";
import { liveDependencyEdges } from "@/lib/services/dependencies/edges";
import { accessItem, checkInsideHorizon } from "./checks";
import { loadItem } from "./rows";
import { itemEvent, queueItemEvent } from "@/lib/services/webhooks/events";

/** Brings a deleted item back within the restore window, without its lane if that lane is gone. */
export async function restoreItem(db: Database, actor: Actor, itemId: string): Promise<Item> {
  const { row, roadmap } = await accessItem(db, actor, itemId, { includeDeleted: true });
  if (!row.deletedAt) return loadItem(db, itemId);
  if (Date.now() - row.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) throw notFound("item");
  return db.transaction(async (tx) => {
    const { roadmap: locked } = await accessRoadmap(tx, actor, roadmap.id, "roadmap.write", { lock: true });
    checkInsideHorizon(locked, row);
    // The item's lane may have been removed while it was deleted: it comes back without a lane.
    const [lane] = row.workstreamId
      ? await tx
          .select({ id: workstreams.id })
          .from(workstreams)
          .where(and(eq(workstreams.id, row.workstreamId), isNull(workstreams.deletedAt)))
      : [];
    // Links made while the item was gone may now close a loop through its own links.
    const graph = await liveDependencyEdges(tx, roadmap.id);
    const liveIds = new Set(
      (
        await tx
          .select({ id: items.id })
          .from(items)
          .where(and(eq(items.roadmapId, roadmap.id), isNull(items.deletedAt)))
      ).map((i) => i.id),
    );
    const own = await tx
      .select({ fromId: dependencies.fromId, toId: dependencies.toId })
      .from(dependencies)
      .where(
        and(
          eq(dependencies.roadmapId, roadmap.id),
          or(eq(dependencies.fromId, itemId), eq(dependencies.toId, itemId)),
        ),
      );
    for (const edge of own.filter((e) => liveIds.has(e.fromId === itemId ? e.toId : e.fromId))) {
      const cycle = wouldCreateCycle(graph, edge.fromId, edge.toId);
      if (cycle) {
        throw new AppError(
          "dependency_cycle",
          "Restoring this item would close a dependency loop; remove one of the links named first.",
          {
            details: { cycle },
          },
        );
      }
      graph.push(edge);
    }
    const [restored] = await tx
      .update(items)
      .set({
        deletedAt: null,
        workstreamId: lane?.id ?? null,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(items.id, itemId), eq(items.version, row.version)))
      .returning();
    if (!restored) throw versionMismatch("item", await loadItem(tx, itemId));
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: itemId,
      action: "restored",
      version: restored.version,
    });
    // Back on the roadmap: to a receiver that dropped it at item.deleted, it is created again.
    await queueItemEvent(
      tx,
      roadmap,
      itemEvent("item.created", { ...restored, teamId: roadmap.teamId }, { restored: true }),
    );
    return loadItem(tx, itemId);
  });
}
