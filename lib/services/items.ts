import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/types";
import { dependencies, items, itemSkills, memberships, skills, workstreams } from "@/db/schema";
import { horizonEnd } from "@/lib/planning/calendar";
import { wouldCreateCycle } from "@/lib/planning/graph";
import {
  mergedItemSchema,
  type CreateItemInput,
  type Item,
  type UpdateItemInput,
} from "@/lib/validation/timeline";
import type { Actor } from "./actor";
import { AppError, notFound, versionMismatch } from "./errors";
import { accessRoadmap, diffFields, recordRoadmapChange, type RoadmapRow } from "./roadmap-access";
import { RESTORE_WINDOW_DAYS } from "./roadmaps";
import { liveDependencyEdges } from "./dependencies";
import { notifyItemChanged } from "./notifications";

type ItemRow = typeof items.$inferSelect;
type SkillHours = { skillId: string; hours: number };

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

/** An item, its roadmap and the actor's access to it; deleted items only when asked. */
async function accessItem(
  db: Database,
  actor: Actor,
  itemId: string,
  options: { includeDeleted?: boolean } = {},
) {
  const [row] = await db.select().from(items).where(eq(items.id, itemId)).limit(1);
  if (!row || (row.deletedAt && !options.includeDeleted)) throw notFound("item");
  const { roadmap } = await accessRoadmap(db, actor, row.roadmapId, "editor");
  return { row, roadmap };
}

type ItemShape = Omit<CreateItemInput, "endDate"> & { endDate: string };

function checkInsideHorizon(roadmap: RoadmapRow, item: ItemShape) {
  const end = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
  if (item.startDate < roadmap.startDate || item.endDate > end) {
    throw new AppError(
      "outside_horizon",
      `Dates must fall inside the roadmap's horizon, ${roadmap.startDate} to ${end}. Choose dates in that range or extend the horizon.`,
      { details: { horizonStart: roadmap.startDate, horizonEnd: end } },
    );
  }
}

const badReference = (path: string, message: string) =>
  new AppError("invalid_reference", message, { details: [{ path, message }] });

/** Lanes, owners and skills named by an item must belong to its roadmap and team. */
async function checkReferences(db: Database, roadmap: RoadmapRow, item: Partial<CreateItemInput>) {
  if (item.workstreamId) {
    const [lane] = await db
      .select({ id: workstreams.id })
      .from(workstreams)
      .where(
        and(
          eq(workstreams.id, item.workstreamId),
          eq(workstreams.roadmapId, roadmap.id),
          isNull(workstreams.deletedAt),
        ),
      );
    if (!lane)
      throw badReference("workstreamId", "That lane does not exist in this roadmap. Pick one of its lanes.");
  }
  if (item.ownerId) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.teamId, roadmap.teamId), eq(memberships.userId, item.ownerId)));
    if (!member) throw badReference("ownerId", "The owner must be a member of this team.");
  }
  const skillIds = (item.skills ?? []).map((s) => s.skillId);
  if (skillIds.length > 0) {
    const found = await db
      .select({ id: skills.id })
      .from(skills)
      .where(and(eq(skills.teamId, roadmap.teamId), inArray(skills.id, skillIds)));
    if (found.length !== new Set(skillIds).size) {
      throw badReference("skills", "Every skill must come from this team's skills catalogue.");
    }
  }
}

function columnsOf(item: Partial<CreateItemInput>) {
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

async function writeSkills(tx: Database, itemId: string, list: SkillHours[] | undefined) {
  if (list === undefined) return;
  await tx.delete(itemSkills).where(eq(itemSkills.itemId, itemId));
  if (list.length) await tx.insert(itemSkills).values(list.map((s) => ({ itemId, ...s })));
}

export async function createItem(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateItemInput,
): Promise<Item> {
  const shaped = { ...input, endDate: input.endDate ?? input.startDate };
  return db.transaction(async (tx) => {
    // The roadmap row lock orders this write after any horizon change or lane removal under way.
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "editor", { lock: true });
    checkInsideHorizon(roadmap, shaped);
    await checkReferences(tx, roadmap, shaped);
    const [row] = await tx
      .insert(items)
      .values({
        ...columnsOf(shaped),
        roadmapId,
        kind: shaped.kind,
        title: shaped.title,
        startDate: shaped.startDate,
        endDate: shaped.endDate,
      })
      .returning();
    await writeSkills(tx, row.id, shaped.skills);
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: { kind: row.kind, title: row.title, startDate: row.startDate, endDate: row.endDate },
    });
    return toItem(row, shaped.skills ?? []);
  });
}

export async function updateItem(
  db: Database,
  actor: Actor,
  itemId: string,
  expectedVersion: number,
  patch: UpdateItemInput,
): Promise<Item> {
  const { row } = await accessItem(db, actor, itemId);
  if (row.version !== expectedVersion) throw versionMismatch("item", await loadItem(db, itemId));
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, row.roadmapId, "editor", { lock: true });
    const before = await loadItem(tx, itemId);
    if (before.version !== expectedVersion) throw versionMismatch("item", before);
    // A milestone moved by its start date moves as a whole.
    const endDate =
      patch.endDate ??
      ((patch.kind ?? before.kind) === "milestone" && patch.startDate ? patch.startDate : before.endDate);
    const merged = mergedItemSchema.safeParse({ ...before, ...patch, endDate });
    if (!merged.success) {
      const details = merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      throw new AppError("invalid_request", `The item would not be valid: ${details[0].message}`, {
        details,
      });
    }
    checkInsideHorizon(roadmap, { ...merged.data, endDate });
    await checkReferences(tx, roadmap, patch);
    const changes = diffFields(
      before as unknown as Record<string, unknown>,
      { ...patch, endDate } as Record<string, unknown>,
    );
    const [updated] = await tx
      .update(items)
      .set({ ...columnsOf({ ...patch, endDate }), version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(items.id, itemId), eq(items.version, expectedVersion), isNull(items.deletedAt)))
      .returning();
    if (!updated) throw versionMismatch("item", await loadItem(tx, itemId));
    await writeSkills(tx, itemId, patch.skills);
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: itemId,
      action: "updated",
      version: updated.version,
      changes,
    });
    await notifyItemChanged(tx, actor, {
      teamId: roadmap.teamId,
      roadmapId: roadmap.id,
      itemId,
      ownerIds: [updated.ownerId, before.ownerId],
      fields: Object.keys(changes),
    });
    return toItem(updated, patch.skills ?? before.skills);
  });
}

/** Soft delete: the item and its links disappear from the board and can be restored for 30 days. */
export async function deleteItem(
  db: Database,
  actor: Actor,
  itemId: string,
  expectedVersion: number,
): Promise<Item> {
  const { roadmap } = await accessItem(db, actor, itemId);
  return db.transaction(async (tx) => {
    await accessRoadmap(tx, actor, roadmap.id, "editor", { lock: true });
    const [row] = await tx
      .update(items)
      .set({ deletedAt: new Date(), version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(items.id, itemId), eq(items.version, expectedVersion), isNull(items.deletedAt)))
      .returning();
    if (!row) throw versionMismatch("item", await loadItem(tx, itemId));
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: itemId,
      action: "deleted",
      version: row.version,
      changes: { title: row.title },
    });
    await notifyItemChanged(tx, actor, {
      teamId: roadmap.teamId,
      roadmapId: roadmap.id,
      itemId,
      ownerIds: [row.ownerId],
      fields: ["deleted"],
    });
    return loadItem(tx, itemId);
  });
}

export async function restoreItem(db: Database, actor: Actor, itemId: string): Promise<Item> {
  const { row, roadmap } = await accessItem(db, actor, itemId, { includeDeleted: true });
  if (!row.deletedAt) return loadItem(db, itemId);
  if (Date.now() - row.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) throw notFound("item");
  return db.transaction(async (tx) => {
    const { roadmap: locked } = await accessRoadmap(tx, actor, roadmap.id, "editor", { lock: true });
    checkInsideHorizon(locked, row);
    // The item's lane may have been removed while it was deleted: it comes back without a lane.
    const [lane] = row.workstreamId
      ? await tx
          .select({ id: workstreams.id })
          .from(workstreams)
          .where(and(eq(workstreams.id, row.workstreamId), isNull(workstreams.deletedAt)))
      : [];
    // Links made while the item was gone may now close a loop through its own links.
    const graph = await liveDependencyEdges(tx, roadmap.id);
    const liveIds = new Set(
      (
        await tx
          .select({ id: items.id })
          .from(items)
          .where(and(eq(items.roadmapId, roadmap.id), isNull(items.deletedAt)))
      ).map((i) => i.id),
    );
    const own = await tx
      .select({ fromId: dependencies.fromId, toId: dependencies.toId })
      .from(dependencies)
      .where(
        and(
          eq(dependencies.roadmapId, roadmap.id),
          or(eq(dependencies.fromId, itemId), eq(dependencies.toId, itemId)),
        ),
      );
    for (const edge of own.filter((e) => liveIds.has(e.fromId === itemId ? e.toId : e.fromId))) {
      const cycle = wouldCreateCycle(graph, edge.fromId, edge.toId);
      if (cycle) {
        throw new AppError(
          "dependency_cycle",
          "Restoring this item would close a dependency loop; remove one of the links named first.",
          {
            details: { cycle },
          },
        );
      }
      graph.push(edge);
    }
    const [restored] = await tx
      .update(items)
      .set({
        deletedAt: null,
        workstreamId: lane?.id ?? null,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(items.id, itemId), eq(items.version, row.version)))
      .returning();
    if (!restored) throw versionMismatch("item", await loadItem(tx, itemId));
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "item",
      entityId: itemId,
      action: "restored",
      version: restored.version,
    });
    return loadItem(tx, itemId);
  });
}

export async function getItem(db: Database, actor: Actor, itemId: string): Promise<Item> {
  const item = await loadItem(db, itemId);
  await accessRoadmap(db, actor, item.roadmapId, "viewer");
  const [row] = await db.select({ deletedAt: items.deletedAt }).from(items).where(eq(items.id, itemId));
  if (row.deletedAt) throw notFound("item");
  return item;
}
