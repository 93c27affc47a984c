// A large roadmap's live items and links as loadItems and loadDependencies answer them, each read as
// one JSON text built in the database: at 10,000 items, mapping 10,000 rows field by field in the
// driver costs several times what one JSON.parse does (on PGlite about 0.9 s against 0.2 s).
import { sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import type { Dependency, Item } from "@/lib/validation/timeline";
import { yieldToEventLoop } from "@/lib/services/kernel/event-loop";

/** The single text column of a single-row answer, on either driver (postgres.js: an array; PGlite: `.rows`). */
async function jsonOf<T>(query: Promise<unknown>): Promise<T> {
  const result = (await query) as { json: string }[] | { rows: { json: string }[] };
  const [row] = Array.isArray(result) ? result : result.rows;
  // The board's items and links often arrive in one read: each parse (tens of ms at 10,000 items)
  // gets a turn of the event loop of its own, not one joint stretch with the caller's mapping.
  await yieldToEventLoop();
  return JSON.parse(row.json) as T;
}

/** loadItems' answer (items/rows.ts): same fields, same order (planned start, then age). */
export function loadItemsInOneRead(db: Database, roadmapId: string): Promise<Item[]> {
  return jsonOf<Item[]>(
    db.execute(sql`
      select coalesce(json_agg(json_build_object(
        'id', i.id, 'roadmapId', i.roadmap_id, 'workstreamId', i.workstream_id, 'kind', i.kind,
        'title', i.title, 'description', i.description, 'startDate', i.start_date, 'endDate', i.end_date,
        'outcome', i.outcome, 'isKey', i.is_key, 'status', i.status,
        'estimate', case when i.optimistic_hours is null or i.likely_hours is null or i.pessimistic_hours is null
          then null else json_build_object('optimisticHours', i.optimistic_hours,
            'likelyHours', i.likely_hours, 'pessimisticHours', i.pessimistic_hours) end,
        'skills', coalesce((select json_agg(json_build_object('skillId', s.skill_id, 'hours', s.hours))
          from item_skills s where s.item_id = i.id), '[]'::json),
        'ownerId', i.owner_id, 'actualStart', i.actual_start, 'actualFinish', i.actual_finish,
        'remainingHours', i.remaining_hours, 'version', i.version,
        'updatedAt', to_char(i.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      ) order by i.start_date, i.created_at), '[]'::json)::text as json
      from items i where i.roadmap_id = ${roadmapId} and i.deleted_at is null`),
  );
}

/** loadDependencies' answer (dependencies/edges.ts): the links whose two ends are live items. */
export async function loadDependenciesInOneRead(
  db: Database,
  roadmapId: string,
  /** The live items' ids, or their promise (the board reads the links while the items are read). */
  liveItemIds: ReadonlySet<string> | Promise<ReadonlySet<string>>,
): Promise<Dependency[]> {
  const [links, live] = await Promise.all([
    jsonOf<Dependency[]>(
      db.execute(sql`
      select coalesce(json_agg(json_build_object(
        'id', d.id, 'roadmapId', d.roadmap_id, 'fromId', d.from_id, 'toId', d.to_id, 'lagDays', d.lag_days
      )), '[]'::json)::text as json
      from dependencies d where d.roadmap_id = ${roadmapId}`),
    ),
    liveItemIds,
  ]);
  return links.filter((d) => live.has(d.fromId) && live.has(d.toId));
}
