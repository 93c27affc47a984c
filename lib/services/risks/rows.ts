// A risk's row mapping, both ways: stored rows (and their item links) to the API's Risk, input to columns.
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, riskItems, risks } from "@/db/schema";
import type { Risk, UpdateRiskInput } from "@/lib/validation/resources";
import { notFound } from "@/lib/services/kernel/errors";

export type RiskRow = typeof risks.$inferSelect;

/** A score at or above this is a high risk: it must carry a contingency plan. */
export const CONTINGENCY_SCORE = 15;

export function needsContingency(risk: Pick<Risk, "score" | "contingency" | "status">): boolean {
  return risk.score >= CONTINGENCY_SCORE && !risk.contingency?.trim() && risk.status !== "closed";
}

/** The fields a risk carries unchanged between its row and a roadmap document (export, import). */
type PlainRiskFields = Pick<Risk, "title" | "description" | "kind" | "likelihood" | "impact" | "status">;

export function plainRiskFields(from: PlainRiskFields): PlainRiskFields {
  return {
    title: from.title,
    description: from.description,
    kind: from.kind,
    likelihood: from.likelihood,
    impact: from.impact,
    status: from.status,
  };
}

export function toRisk(row: RiskRow, itemIds: string[]): Risk {
  const score = row.likelihood * row.impact;
  return {
    id: row.id,
    roadmapId: row.roadmapId,
    title: row.title,
    description: row.description,
    kind: row.kind,
    likelihood: row.likelihood,
    impact: row.impact,
    score,
    itemIds,
    ownerId: row.ownerId,
    status: row.status,
    delayDays: row.delayDays,
    contingency: row.contingency,
    needsContingency: needsContingency({ score, contingency: row.contingency, status: row.status }),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The live items each risk names, in timeline order. Links to deleted items are kept (restoring
 * the item brings the link back) but not shown.
 */
export async function linkedItems(db: Database, riskIds: string[]): Promise<Map<string, string[]>> {
  const byRisk = new Map<string, string[]>(riskIds.map((id) => [id, []]));
  if (riskIds.length === 0) return byRisk;
  const rows = await db
    .select({ riskId: riskItems.riskId, itemId: riskItems.itemId })
    .from(riskItems)
    .innerJoin(items, eq(items.id, riskItems.itemId))
    .where(and(inArray(riskItems.riskId, riskIds), isNull(items.deletedAt)))
    .orderBy(asc(items.startDate), asc(items.createdAt));
  for (const r of rows) byRisk.get(r.riskId)?.push(r.itemId);
  return byRisk;
}

export async function presentRisk(db: Database, row: RiskRow): Promise<Risk> {
  return toRisk(row, (await linkedItems(db, [row.id])).get(row.id) ?? []);
}

export async function loadRisk(db: Database, riskId: string): Promise<Risk> {
  const [row] = await db.select().from(risks).where(eq(risks.id, riskId)).limit(1);
  if (!row) throw notFound("risk");
  return presentRisk(db, row);
}

/** The live risks of a roadmap, highest score first, then oldest first. */
export async function loadRisks(db: Database, roadmapId: string): Promise<Risk[]> {
  const rows = await db
    .select()
    .from(risks)
    .where(and(eq(risks.roadmapId, roadmapId), isNull(risks.deletedAt)))
    .orderBy(desc(sql`${risks.likelihood} * ${risks.impact}`), asc(risks.createdAt), asc(risks.id));
  const byRisk = await linkedItems(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRisk(r, byRisk.get(r.id) ?? []));
}

/** Blank text is no text: a contingency of spaces is no plan. */
export const blankToNull = (s: string | null | undefined) =>
  s === undefined ? undefined : s?.trim() || null;

export function columnsOf(input: UpdateRiskInput) {
  const { itemIds: _itemIds, description, contingency, ...rest } = input;
  return {
    ...rest,
    ...(description !== undefined && { description: blankToNull(description) }),
    ...(contingency !== undefined && { contingency: blankToNull(contingency) }),
  };
}

/** Replaces the risk's links to live items (links to deleted items stay for their restore). */
export async function writeItems(tx: Database, risk: { id: string; roadmapId: string }, itemIds?: string[]) {
  if (itemIds === undefined) return;
  const live = tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.roadmapId, risk.roadmapId), isNull(items.deletedAt)));
  await tx.delete(riskItems).where(and(eq(riskItems.riskId, risk.id), inArray(riskItems.itemId, live)));
  if (itemIds.length > 0) {
    await tx
      .insert(riskItems)
      .values(itemIds.map((itemId) => ({ riskId: risk.id, itemId })))
      .onConflictDoNothing();
  }
}

export const unique = (ids: string[] | undefined) => (ids === undefined ? undefined : [...new Set(ids)]);
