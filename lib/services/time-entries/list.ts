import { asc, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { timeEntries } from "@/db/schema";
import type { TimeEntry } from "@/lib/validation/learning";
import type { Actor } from "@/lib/services/kernel/actor";
import { getItem } from "@/lib/services/items/get";
import { toTimeEntry } from "./rows";

/** The hours logged on an item, newest day first, and their sum; any member may read them. */
export async function listTimeEntries(
  db: Database,
  actor: Actor,
  itemId: string,
): Promise<{ items: TimeEntry[]; totalHours: number }> {
  await getItem(db, actor, itemId);
  const rows = await db
    .select()
    .from(timeEntries)
    .where(eq(timeEntries.itemId, itemId))
    .orderBy(desc(timeEntries.on), asc(timeEntries.createdAt), asc(timeEntries.id));
  const entries = rows.map(toTimeEntry);
  // Hundredths summed as integers: numeric(4,2) values added as floats would drift.
  const hundredths = entries.reduce((sum, e) => sum + Math.round(e.hours * 100), 0);
  return { items: entries, totalHours: hundredths / 100 };
}
