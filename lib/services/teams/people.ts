import { inArray } from "drizzle-orm";
import type { Database } from "@/db/types";
import { users } from "@/db/schema";
import type { Person } from "@/lib/validation/collaboration";

/** The people with these ids (gone accounts are simply absent), in one query. */
export async function loadPeople(
  db: Database,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, Person>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((p) => [p.id, p]));
}
