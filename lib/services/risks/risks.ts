import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, memberships, riskItems, risks, roadmaps } from "@/db/schema";
import type { CreateRiskInput, Risk, UpdateRiskInput } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import {
  accessRoadmap,
  diffFields,
  recordRoadmapChange,
  type RoadmapRow,
} from "@/lib/services/kernel/roadmap-access";
import { RESTORE_WINDOW_DAYS } from "@/lib/services/roadmaps/lifecycle";

type RiskRow = typeof risks.$inferSelect;

/** A score at or above this is a high risk: it must carry a contingency plan. */
export const CONTINGENCY_SCORE = 15;

export function needsContingency(risk: Pick<Risk, "score" | "contingency" | "status">): boolean {
  return risk.score >= CONTINGENCY_SCORE && !risk.contingency?.trim() && risk.status !== "closed";
}

function toRisk(row: RiskRow, itemIds: string[]): Risk {
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
async function linkedItems(db: Database, riskIds: string[]): Promise<Map<string, string[]>> {
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

async function presentRisk(db: Database, row: RiskRow): Promise<Risk> {
  return toRisk(row, (await linkedItems(db, [row.id])).get(row.id) ?? []);
}

async function loadRisk(db: Database, riskId: string): Promise<Risk> {
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

export async function listRisks(db: Database, actor: Actor, roadmapId: string): Promise<Risk[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  return loadRisks(db, roadmapId);
}

const badReference = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError("invalid_reference", message, { details: [{ path, message, ...extra }] });

/**
 * Items must be live items of this roadmap: one of another roadmap of the team is a 422
 * cross_roadmap; one that is deleted, unknown or another team's is unknown (its existence is not
 * revealed).
 */
async function checkItems(tx: Database, roadmap: RoadmapRow, itemIds: string[]) {
  if (itemIds.length === 0) return;
  const rows = await tx
    .select({
      id: items.id,
      roadmapId: items.roadmapId,
      teamId: roadmaps.teamId,
      deletedAt: items.deletedAt,
    })
    .from(items)
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .where(inArray(items.id, itemIds));
  const found = new Map(rows.map((r) => [r.id, r]));
  const elsewhere = itemIds.filter((id) => {
    const row = found.get(id);
    return row && !row.deletedAt && row.teamId === roadmap.teamId && row.roadmapId !== roadmap.id;
  });
  if (elsewhere.length > 0) {
    throw new AppError(
      "cross_roadmap",
      "A risk can only name items of its own roadmap; remove the items of other roadmaps.",
      { details: { itemIds: elsewhere } },
    );
  }
  const unknown = itemIds.filter((id) => {
    const row = found.get(id);
    return !row || row.deletedAt || row.roadmapId !== roadmap.id;
  });
  if (unknown.length > 0) {
    throw badReference("itemIds", "Every linked item must be a live item of this roadmap.", {
      itemIds: unknown,
    });
  }
}

async function checkOwner(tx: Database, roadmap: RoadmapRow, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.teamId, roadmap.teamId), eq(memberships.userId, ownerId)));
  if (!member) throw badReference("ownerId", "The risk's owner must be a member of this team.");
}

/** Blank text is no text: a contingency of spaces is no plan. */
const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

function columnsOf(input: UpdateRiskInput) {
  const { itemIds: _itemIds, description, contingency, ...rest } = input;
  return {
    ...rest,
    ...(description !== undefined && { description: blankToNull(description) }),
    ...(contingency !== undefined && { contingency: blankToNull(contingency) }),
  };
}

/** Replaces the risk's links to live items (links to deleted items stay for their restore). */
async function writeItems(tx: Database, risk: { id: string; roadmapId: string }, itemIds?: string[]) {
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

const unique = (ids: string[] | undefined) => (ids === undefined ? undefined : [...new Set(ids)]);

export async function createRisk(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateRiskInput,
): Promise<Risk> {
  const itemIds = unique(input.itemIds) ?? [];
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    await checkItems(tx, roadmap, itemIds);
    await checkOwner(tx, roadmap, input.ownerId);
    const [row] = await tx
      .insert(risks)
      .values({
        ...columnsOf(input),
        roadmapId,
        title: input.title,
        kind: input.kind,
        likelihood: input.likelihood,
        impact: input.impact,
      })
      .returning();
    await writeItems(tx, row, itemIds);
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "risk",
      entityId: row.id,
      itemId: null,
      action: "created",
      version: row.version,
      changes: {
        title: row.title,
        kind: row.kind,
        likelihood: row.likelihood,
        impact: row.impact,
        status: row.status,
      },
    });
    return presentRisk(tx, row);
  });
}

/**
 * One risk write: the risk's roadmap checked (editor) before anything, then its transaction with
 * the roadmap lock first and the risk as it is now.
 */
async function writeTransaction<T>(
  db: Database,
  actor: Actor,
  riskId: string,
  options: { includeDeleted?: boolean },
  work: (tx: Database, roadmap: RoadmapRow, row: RiskRow) => Promise<T>,
): Promise<T> {
  const [found] = await db.select().from(risks).where(eq(risks.id, riskId)).limit(1);
  if (!found || (found.deletedAt && !options.includeDeleted)) throw notFound("risk");
  await accessRoadmap(db, actor, found.roadmapId, "roadmap.write");
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, found.roadmapId, "roadmap.write", { lock: true });
    const [row] = await tx.select().from(risks).where(eq(risks.id, riskId)).limit(1);
    if (!row || (row.deletedAt && !options.includeDeleted)) throw notFound("risk");
    return work(tx, roadmap, row);
  });
}

async function writeRisk(
  tx: Database,
  actor: Actor,
  roadmap: RoadmapRow,
  row: RiskRow,
  change: {
    set: Partial<typeof risks.$inferInsert>;
    action: "updated" | "deleted" | "restored";
    changes?: Record<string, unknown>;
  },
): Promise<RiskRow> {
  const [written] = await tx
    .update(risks)
    .set({ ...change.set, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(risks.id, row.id), eq(risks.version, row.version)))
    .returning();
  if (!written) throw versionMismatch("risk", await loadRisk(tx, row.id));
  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "risk",
    entityId: row.id,
    itemId: null,
    action: change.action,
    version: written.version,
    changes: change.changes,
  });
  return written;
}

export async function updateRisk(
  db: Database,
  actor: Actor,
  riskId: string,
  expectedVersion: number,
  patch: UpdateRiskInput,
): Promise<Risk> {
  return writeTransaction(db, actor, riskId, {}, async (tx, roadmap, row) => {
    if (row.version !== expectedVersion) throw versionMismatch("risk", await presentRisk(tx, row));
    const before = await presentRisk(tx, row);
    const itemIds = unique(patch.itemIds);
    if (itemIds) await checkItems(tx, roadmap, itemIds);
    if (patch.ownerId !== undefined) await checkOwner(tx, roadmap, patch.ownerId);
    const set = columnsOf(patch);
    const changes = diffFields(before as unknown as Record<string, unknown>, {
      ...set,
      ...(itemIds && { itemIds }),
    });
    // itemIds are compared as a set: the same items in another order are no change.
    if (itemIds && [...itemIds].sort().join() === [...before.itemIds].sort().join()) delete changes.itemIds;
    if (Object.keys(changes).length === 0) return before;
    const written = await writeRisk(tx, actor, roadmap, row, { set, action: "updated", changes });
    await writeItems(tx, written, itemIds);
    return presentRisk(tx, written);
  });
}

/** Soft delete: the risk leaves the register and the forecast, restorable for 30 days. */
export async function deleteRisk(
  db: Database,
  actor: Actor,
  riskId: string,
  expectedVersion: number,
): Promise<Risk> {
  return writeTransaction(db, actor, riskId, {}, async (tx, roadmap, row) => {
    if (row.version !== expectedVersion) throw versionMismatch("risk", await presentRisk(tx, row));
    const written = await writeRisk(tx, actor, roadmap, row, {
      set: { deletedAt: new Date() },
      action: "deleted",
      changes: { title: row.title },
    });
    return presentRisk(tx, written);
  });
}

export async function restoreRisk(db: Database, actor: Actor, riskId: string): Promise<Risk> {
  return writeTransaction(db, actor, riskId, { includeDeleted: true }, async (tx, roadmap, row) => {
    if (!row.deletedAt) return presentRisk(tx, row);
    if (Date.now() - row.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) throw notFound("risk");
    const written = await writeRisk(tx, actor, roadmap, row, {
      set: { deletedAt: null },
      action: "restored",
    });
    return presentRisk(tx, written);
  });
}
