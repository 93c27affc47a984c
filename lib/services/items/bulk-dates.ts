import { sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items } from "@/db/schema";

export interface NewDates {
  id: string;
  start: string;
  end: string;
}

/**
 * New dates for many items of one roadmap in one statement: the rows travel as one JSON parameter
 * (jsonb_to_recordset), so 10,000 dates cost one round trip and no bind list to build. Only items
 * whose dates differ are written; each of those gets its version bumped by one. Answers how many
 * rows changed.
 */
export async function writeItemDates(tx: Database, roadmapId: string, dates: NewDates[]): Promise<number> {
  if (dates.length === 0) return 0;
  const rows = JSON.stringify(dates.map((d) => ({ id: d.id, s: d.start, e: d.end })));
  const result = await tx.execute(sql`
    update ${items} set start_date = v.s, end_date = v.e, version = ${items.version} + 1, updated_at = now()
    from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, s date, e date)
    where ${items.id} = v.id and ${items.roadmapId} = ${roadmapId}
      and (${items.startDate}, ${items.endDate}) is distinct from (v.s, v.e)`);
  return changedRows(result);
}

/** The row count of a raw statement's answer, on either driver (postgres.js: count; PGlite: affectedRows). */
function changedRows(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}
