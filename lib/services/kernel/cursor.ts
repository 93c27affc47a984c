import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "./errors";

/**
 * Opaque cursors for keyset pagination: the sort key of the last row of a page, as base64url JSON.
 * Clients only hand them back; anything else is a 400.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(
  cursor: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new AppError(
    "invalid_request",
    "The cursor is not one this list gave out; ask for the first page again.",
    {
      details: [{ path: "cursor", message: "Unknown cursor." }],
    },
  );
}

/** A page of a list read with `limit + 1` rows: the extra row only says there is more. */
export function paginate<T>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => unknown,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(cursorOf(page[page.length - 1])) };
}

/** A (timestamp, id) sort key. The timestamp keeps PostgreSQL's microseconds, which a JS Date would drop. */
export const timeCursorSchema = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.uuid(),
});
export type TimeCursor = z.infer<typeof timeCursorSchema>;

/** The column as exact UTC text, to put in a TimeCursor. */
export const exactTime = (column: AnyColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows strictly after the cursor in (time, id) order, ascending or descending. */
export function afterTimeCursor(
  time: AnyColumn,
  id: AnyColumn,
  cursor: TimeCursor,
  order: "asc" | "desc",
): SQL {
  const key = sql`(${time}, ${id})`;
  const at = sql`(${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
  return order === "asc" ? sql`${key} > ${at}` : sql`${key} < ${at}`;
}
