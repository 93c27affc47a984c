// An item's row mapping, both ways: stored rows to the API's Item, input fields to columns.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, itemSkills } from "@/db/schema";
import type { CreateItemInput, Item } from "@/lib/validation/timeline";
import { notFound } from "@/lib/services/kernel/errors";

export type ItemRow = typeof items.$inferSelect;
export type SkillHours = { skillId: string; hours: number };

export function toItem(row: ItemRow, skillRows: SkillHours[]): Item {
  const hasEstimate =
    row.optimisticHours !== null && row.likelyHours !== null && row.pessimisticHours !== null;
  return {
    id: row.id,
    roadmapId: row.roadmapId,
    workstreamId: row.workstreamId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    outcome: row.outcome,
    isKey: row.isKey,
    status: row.status,
    estimate: hasEstimate
      ? {
          optimisticHours: row.optimisticHours!,
          likelyHours: row.likelyHours!,
          pessimisticHours: row.pessimisticHours!,
        }
      : null,
    skills: skillRows,
    ownerId: row.ownerId,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** All live items of a roadmap with their skills, in two queries. */
export async function loadItems(db: Database, roadmapId: string): Promise<Item[]> {
  const rows = await db
    .select()
    .from(items)
    .where(and(eq(items.roadmapId, roadmapId), isNull(items.deletedAt)))
    .orderBy(asc(items.startDate), asc(items.createdAt));
  const skillRows = await db
    .select({ itemId: itemSkills.itemId, skillId: itemSkills.skillId, hours: itemSkills.hours })
    .from(itemSkills)
    .innerJoin(items, eq(items.id, itemSkills.itemId))
    .where(and(eq(items.roadmapId, roadmapId), isNull(items.deletedAt)));
  const byItem = new Map<string, SkillHours[]>();
  for (const s of skillRows) {
    const list = byItem.get(s.itemId) ?? [];
    list.push({ skillId: s.skillId, hours: s.hours });
    byItem.set(s.itemId, list);
  }
  return rows.map((r) => toItem(r, byItem.get(r.id) ?? []));
}

/** An item as stored now (deleted ones too), without an access check: callers check access. */
export async function loadItem(db: Database, itemId: string): Promise<Item> {
  const [row] = await db.select().from(items).where(eq(items.id, itemId)).limit(1);
  if (!row) throw notFound("item");
  const skillRows = await db
    .select({ skillId: itemSkills.skillId, hours: itemSkills.hours })
    .from(itemSkills)
    .where(eq(itemSkills.itemId, itemId));
  return toItem(row, skillRows);
}

/** The item columns an input sets: an estimate fills three columns, skills live in their own table. */
export function columnsOf(item: Partial<CreateItemInput>) {
  const { estimate, skills: _skills, ...rest } = item;
  return {
    ...rest,
    ...(estimate !== undefined && {
      optimisticHours: estimate?.optimisticHours ?? null,
      likelyHours: estimate?.likelyHours ?? null,
      pessimisticHours: estimate?.pessimisticHours ?? null,
    }),
  };
}

/** Replaces an item's skill hours; `undefined` leaves them as they are. */
export async function writeSkills(tx: Database, itemId: string, list: SkillHours[] | undefined) {
  if (list === undefined) return;
  await tx.delete(itemSkills).where(eq(itemSkills.itemId, itemId));
  if (list.length) await tx.insert(itemSkills).values(list.map((s) => ({ itemId, ...s })));
}
