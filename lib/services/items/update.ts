import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items } from "@/db/schema";
import { endDateAfter } from "@/lib/planning/item-dates";
import type { UpdateItemWithActualsInput } from "@/lib/validation/learning";
import { mergedItemSchema, type Item } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, issueDetails, versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, diffFields, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { notifyItemChanged } from "@/lib/services/notifications/notifications";
import { itemEvent, queueItemEvent } from "@/lib/services/webhooks/events";
import { utcDate } from "@/lib/services/reviews/cadence";
import { withActuals } from "./actuals";
import { accessItem, checkInsideHorizon, checkReferences } from "./checks";
import { columnsOf, loadItem, toItem, writeSkills } from "./rows";

export async function updateItem(
  db: Database,
  actor: Actor,
  itemId: string,
  expectedVersion: number,
  input: UpdateItemWithActualsInput,
  now: Date = new Date(),
): Promise<Item> {
  const { row } = await accessItem(db, actor, itemId);
  if (row.version !== expectedVersion) throw versionMismatch("item", await loadItem(db, itemId));
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, row.roadmapId, "roadmap.write", { lock: true });
    const before = await loadItem(tx, itemId);
    if (before.version !== expectedVersion) throw versionMismatch("item", before);
    const patch = withActuals(before, input, utcDate(now));
    const endDate = endDateAfter(before, patch);
    const merged = mergedItemSchema.safeParse({ ...before, ...patch, endDate });
    if (!merged.success) {
      const details = issueDetails(merged.error.issues);
      throw new AppError("invalid_request", `The item would not be valid: ${details[0].message}`, {
        details,
      });
    }
    checkInsideHorizon(roadmap, { ...merged.data, endDate });
    await checkReferences(tx, roadmap, patch);
    const changes = diffFields(
      before as unknown as Record<string, unknown>,
      { ...patch, endDate } as Record<string, unknown>,
    );
    const [updated] = await tx
      .update(items)
      .set({ ...columnsOf({ ...patch, endDate }), version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(items.id, itemId), eq(items.version, expectedVersion), isNull(items.deletedAt)))
      .returning();
    if (!updated) throw versionMismatch("item", await loadItem(tx, itemId));
    await writeSkills(tx, itemId, patch.skills);
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: itemId,
      action: "updated",
      version: updated.version,
      changes,
    });
    await notifyItemChanged(tx, actor, {
      teamId: roadmap.teamId,
      roadmapId: roadmap.id,
      itemId,
      ownerIds: [updated.ownerId, before.ownerId],
      fields: Object.keys(changes),
    });
    await queueItemEvent(
      tx,
      roadmap,
      itemEvent("item.updated", { ...updated, teamId: roadmap.teamId }, changes),
    );
    return toItem(updated, patch.skills ?? before.skills);
  });
}
