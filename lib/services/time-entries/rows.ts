// A time entry's row mapping: the stored row to the API's TimeEntry.
import { timeEntries } from "@/db/schema";
import type { TimeEntry } from "@/lib/validation/learning";

export type TimeEntryRow = typeof timeEntries.$inferSelect;

export function toTimeEntry(row: TimeEntryRow): TimeEntry {
  return {
    id: row.id,
    itemId: row.itemId,
    on: row.on,
    hours: Number(row.hours),
    personId: row.personId,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
