import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items } from "@/db/schema";
import type { Item } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { notifyItemChanged } from "@/lib/services/notifications/notifications";
import { itemEvent, queueItemEvent } from "@/lib/services/webhooks/events";
import { accessItem } from "./checks";
import { loadItem } from "./rows";

/** Soft delete: the item and its links disappear from the board and can be restored for 30 days. */
export async function deleteItem(
  db: Database,
  actor: Actor,
  itemId: string,
  expectedVersion: number,
): Promise<Item> {
  const { roadmap } = await accessItem(db, actor, itemId);
  return db.transaction(async (tx) => {
    await accessRoadmap(tx, actor, roadmap.id, "roadmap.write", { lock: true });
    const [row] = await tx
      .update(items)
      .set({ deletedAt: new Date(), version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(items.id, itemId), eq(items.version, expectedVersion), isNull(items.deletedAt)))
      .returning();
    if (!row) throw versionMismatch("item", await loadItem(tx, itemId));
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: itemId,
      action: "deleted",
      version: row.version,
      changes: { title: row.title },
    });
    await notifyItemChanged(tx, actor, {
      teamId: roadmap.teamId,
      roadmapId: roadmap.id,
      itemId,
      ownerIds: [row.ownerId],
      fields: ["deleted"],
    });
    await queueItemEvent(tx, roadmap, itemEvent("item.deleted", { ...row, teamId: roadmap.teamId }));
    return loadItem(tx, itemId);
  });
}
