import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { timeEntries } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { accessItem } from "@/lib/services/items/checks";

/** Removes a time entry (editors of its item's roadmap); another team's entry is simply not found. */
export async function deleteTimeEntry(db: Database, actor: Actor, timeEntryId: string): Promise<void> {
  const [entry] = await db.select().from(timeEntries).where(eq(timeEntries.id, timeEntryId)).limit(1);
  if (!entry) throw notFound("time entry");
  const { row } = await accessItem(db, actor, entry.itemId);
  await db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, row.roadmapId, "roadmap.write", { lock: true });
    const [gone] = await tx
      .delete(timeEntries)
      .where(eq(timeEntries.id, timeEntryId))
      .returning({ id: timeEntries.id });
    if (!gone) throw notFound("time entry");
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "time_entry",
      entityId: timeEntryId,
      itemId: entry.itemId,
      action: "deleted",
      changes: { on: entry.on, hours: Number(entry.hours), personId: entry.personId },
    });
  });
}
