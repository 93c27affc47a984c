// An item's row mapping, both ways: stored rows to the API's Item, input fields to columns.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, itemSkills } from "@/db/schema";
import type { ItemActualsPatch } from "@/lib/validation/learning";
import type { CreateItemInput, Item } from "@/lib/validation/timeline";
import { notFound } from "@/lib/services/kernel/errors";

export type ItemRow = typeof items.$inferSelect;
export type SkillHours = { skillId: string; hours: number };

/** The fields an item carries unchanged in every shape: its row, the API's Item, a roadmap document. */
type PlainItemFields = Pick<
  Item,
  "kind" | "title" | "description" | "startDate" | "endDate" | "outcome" | "isKey" | "status"
>;

export function plainItemFields(from: PlainItemFields): PlainItemFields {
  return {
    kind: from.kind,
    title: from.title,
    description: from.description,
    startDate: from.startDate,
    endDate: from.endDate,
    outcome: from.outcome,
    isKey: from.isKey,
    status: from.status,
  };
}

type Estimate = Item["estimate"];

/** An estimate as its three columns; none (null) clears them. */
export function estimateColumns(estimate: Estimate) {
  return {
    optimisticHours: estimate?.optimisticHours ?? null,
    likelyHours: estimate?.likelyHours ?? null,
    pessimisticHours: estimate?.pessimisticHours ?? null,
  };
}

/** The three columns as an estimate: all three or none. */
export function estimateOf(
  row: Pick<ItemRow, "optimisticHours" | "likelyHours" | "pessimisticHours">,
): Estimate {
  if (row.optimisticHours === null || row.likelyHours === null || row.pessimisticHours === null) return null;
  return {
    optimisticHours: row.optimisticHours,
    likelyHours: row.likelyHours,
    pessimisticHours: row.pessimisticHours,
  };
}

export function toItem(row: ItemRow, skillRows: SkillHours[]): Item {
  return {
    id: row.id,
    roadmapId: row.roadmapId,
    workstreamId: row.workstreamId,
    ...plainItemFields(row),
    estimate: estimateOf(row),
    skills: skillRows,
    ownerId: row.ownerId,
    actualStart: row.actualStart,
    actualFinish: row.actualFinish,
    remainingHours: row.remainingHours,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** All live items of a roadmap with their skills, in two queries. */
export async function loadItems(db: Database, roadmapId: string): Promise<Item[]> {
  const [rows, skillRows] = await Promise.all([
    db
      .select()
      .from(items)
      .where(and(eq(items.roadmapId, roadmapId), isNull(items.deletedAt)))
      .orderBy(asc(items.startDate), asc(items.createdAt)),
    db
      .select({ itemId: itemSkills.itemId, skillId: itemSkills.skillId, hours: itemSkills.hours })
      .from(itemSkills)
      .innerJoin(items, eq(items.id, itemSkills.itemId))
      .where(and(eq(items.roadmapId, roadmapId), isNull(items.deletedAt))),
  ]);
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
export function columnsOf(item: Partial<CreateItemInput & ItemActualsPatch>) {
  const { estimate, skills: _skills, ...rest } = item;
  return {
    ...rest,
    ...(estimate !== undefined && estimateColumns(estimate)),
  };
}

/** Replaces an item's skill hours; `undefined` leaves them as they are. */
export async function writeSkills(tx: Database, itemId: string, list: SkillHours[] | undefined) {
  if (list === undefined) return;
  await tx.delete(itemSkills).where(eq(itemSkills.itemId, itemId));
  if (list.length) await tx.insert(itemSkills).values(list.map((s) => ({ itemId, ...s })));
}
