import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { timeEntries } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound } from "@/lib/services/kernel/errors";
import { accessItem } from "@/lib/services/items/checks";

/** Removes a time entry (editors of its item's roadmap); another team's entry is simply not found. */
export async function deleteTimeEntry(db: Database, actor: Actor, timeEntryId: string): Promise<void> {
  const [entry] = await db
    .select({ itemId: timeEntries.itemId })
    .from(timeEntries)
    .where(eq(timeEntries.id, timeEntryId))
    .limit(1);
  if (!entry) throw notFound("time entry");
  await accessItem(db, actor, entry.itemId);
  await db.delete(timeEntries).where(eq(timeEntries.id, timeEntryId));
}
