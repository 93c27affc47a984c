import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/types";
import * as schema from "@/db/schema";

/**
 * Tables a refused request may legitimately write: rate-limit windows count refused attempts on
 * purpose, and presence rows are refreshed by stream heartbeats in the background.
 */
const NOT_STATE = new Set(["rate_limits", "presence"]);
/** Columns that move when something is merely used (a token, a share link), not changed. */
const BOOKKEEPING_COLUMNS = ["last_used_at"];

interface StateTable {
  name: string;
  bookkeeping: string[];
}

export function stateTables(): StateTable[] {
  return (Object.values(schema) as unknown[])
    .filter((t): t is PgTable => is(t, PgTable))
    .map((t) => ({
      name: getTableName(t),
      bookkeeping: getTableConfig(t)
        .columns.map((c) => c.name)
        .filter((c) => BOOKKEEPING_COLUMNS.includes(c)),
    }))
    .filter((t) => !NOT_STATE.has(t.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * One query that sums up every state table: its row count and the sum of its rows' xmin (the
 * transaction that wrote each row version), so any committed insert, update or delete moves it,
 * at the cost of a scan and no per-row work. Tables with bookkeeping columns hash their rows
 * without those columns instead, so that using a token is not mistaken for changing it.
 */
export function fingerprintQuery(tables = stateTables()): string {
  return tables
    .map(({ name, bookkeeping }) => {
      const rowSum = bookkeeping.length
        ? `hashtext((to_jsonb(x) - array[${bookkeeping.map((c) => `'${c}'`).join(",")}])::text)::bigint`
        : "xmin::text::bigint";
      return `select '${name}' as t, count(*)::int as n, coalesce(sum(${rowSum}), 0)::text as h from "${name}" x`;
    })
    .join(" union all ");
}

/** Table -> "count:sum". */
export type Fingerprint = Record<string, string>;

export function toFingerprint(rows: { t: string; n: number; h: string }[]): Fingerprint {
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .sort();
}

/** Reads the fingerprint through Drizzle (PGlite answers {rows}, postgres.js an array). */
export async function readFingerprint(db: Database, query = fingerprintQuery()): Promise<Fingerprint> {
  const result = (await db.execute(sql.raw(query))) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return toFingerprint(rows as { t: string; n: number; h: string }[]);
}
