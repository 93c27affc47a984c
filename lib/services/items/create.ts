import type { Database } from "@/db/types";
import { items } from "@/db/schema";
import type { CreateItemInput, Item } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { itemEvent, queueItemEvent } from "@/lib/services/webhooks/events";
import { checkInsideHorizon, checkReferences } from "./checks";
import { columnsOf, toItem, writeSkills } from "./rows";

export async function createItem(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateItemInput,
): Promise<Item> {
  const shaped = { ...input, endDate: input.endDate ?? input.startDate };
  return db.transaction(async (tx) => {
    // The roadmap row lock orders this write after any horizon change or lane removal under way.
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    checkInsideHorizon(roadmap, shaped);
    await checkReferences(tx, roadmap, shaped);
    const [row] = await tx
      .insert(items)
      .values({
        ...columnsOf(shaped),
        roadmapId,
        kind: shaped.kind,
        title: shaped.title,
        startDate: shaped.startDate,
        endDate: shaped.endDate,
      })
      .returning();
    await writeSkills(tx, row.id, shaped.skills);
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: { kind: row.kind, title: row.title, startDate: row.startDate, endDate: row.endDate },
    });
    await queueItemEvent(tx, roadmap, itemEvent("item.created", { ...row, teamId: roadmap.teamId }));
    return toItem(row, shaped.skills ?? []);
  });
}
