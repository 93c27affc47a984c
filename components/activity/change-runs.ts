import { versionOf } from "@/lib/client/activity";
import type { ActivityEntry, Person } from "@/lib/validation/collaboration";
import { changedFields, fieldName } from "./activity-fields";

export interface ChangeRun {
  actor: Person | null;
  /** The newest change of this run. */
  at: string;
  /** "start date", "owner", "deleted it"… */
  what: string[];
}

const ACTION_WORDS: Record<string, string> = {
  created: "created it",
  deleted: "deleted it",
  restored: "restored it",
};

/**
 * The changes to an item after a version, newest first, as runs of consecutive changes by one
 * person with the fields they touched: "Priya Shah: start date, owner", then "Marcus Lee: status".
 */
export function changeRunsSince(entries: ActivityEntry[], itemId: string, sinceVersion: number): ChangeRun[] {
  const runs: ChangeRun[] = [];
  for (const entry of entries) {
    if (entry.entity !== "item" || entry.entityId !== itemId || (versionOf(entry) ?? 0) <= sinceVersion)
      continue;
    const what =
      entry.action === "updated"
        ? changedFields(entry).map(fieldName)
        : [ACTION_WORDS[entry.action] ?? entry.action];
    const last = runs.at(-1);
    if (last && last.actor?.id === entry.actor?.id) {
      for (const w of what) if (!last.what.includes(w)) last.what.push(w);
    } else {
      runs.push({ actor: entry.actor, at: entry.at, what });
    }
  }
  return runs;
}
