import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/types";

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts many rows of one table in one statement whose rows travel as a single JSON parameter
 * (INSERT ... SELECT FROM jsonb_to_recordset): no bind list of thousands of parameters to build,
 * send and plan, and no parameter limit. Every row sets the same fields as the first; fields left
 * out take their column defaults. Values go as JSON: strings, numbers, booleans, null, plain
 * objects for jsonb columns, Dates as ISO text.
 */
export async function insertRecordset<T extends PgTable>(
  tx: Database,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const fields = Object.keys(rows[0]).filter((key) => key in columns);
  const names = fields.map((field) => quoted(columns[field].name));
  const definitions = fields.map((field, i) => `${names[i]} ${columns[field].getSQLType()}`);
  const payload = JSON.stringify(
    rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const field of fields)
        record[columns[field].name] = (row as Record<string, unknown>)[field] ?? null;
      return record;
    }),
  );
  const list = names.join(", ");
  await tx.execute(sql`
    insert into ${sql.raw(quoted(getTableName(table)))} (${sql.raw(list)})
    select ${sql.raw(list)} from jsonb_to_recordset(${payload}::jsonb) as x(${sql.raw(definitions.join(", "))})`);
}
