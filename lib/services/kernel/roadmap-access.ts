import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { activity, memberships, roadmaps } from "@/db/schema";
import { publish, roadmapTopic } from "./live-events";
import type { ActivityEntity } from "@/lib/validation/collaboration";
import type { Role } from "@/lib/validation/common";
import type { Permission } from "@/lib/validation/permissions";
import type { Actor } from "./actor";
import { changesContent, checkRole, requirePermission } from "./authorization";
import { AppError, notFound } from "./errors";

export type RoadmapRow = typeof roadmaps.$inferSelect;

/**
 * Loads a live roadmap and checks the actor's permission in its team: the entry point of every
 * roadmap-scoped service. Deleted roadmaps answer 404 unless `includeDeleted`. Every write
 * transaction passes `lock` first, so that all writers of a roadmap take their locks in one order.
 */
export async function accessRoadmap(
  db: Database,
  actor: Actor,
  roadmapId: string,
  permission: Permission,
  options: { includeDeleted?: boolean; lock?: boolean } = {},
): Promise<{ roadmap: RoadmapRow; role: Role }> {
  const query = db
    .select()
    .from(roadmaps)
    .where(and(eq(roadmaps.id, roadmapId), options.includeDeleted ? undefined : isNull(roadmaps.deletedAt)))
    .limit(1);
  // NO KEY UPDATE: serialises writers of one roadmap without blocking the key-share locks that
  // inserting its items and lanes takes (FOR UPDATE would, and deadlock with them).
  const [roadmap] = options.lock ? await query.for("no key update") : await query;
  if (!roadmap) throw notFound("roadmap");
  const role = await requirePermission(db, actor, roadmap.teamId, permission);
  // An applied or discarded scenario is a record of what was tried: readable, no longer editable.
  if (
    changesContent(permission) &&
    (roadmap.scenarioStatus === "applied" || roadmap.scenarioStatus === "discarded")
  ) {
    throw new AppError(
      "scenario_closed",
      `This what-if scenario was ${roadmap.scenarioStatus}; it can be read but no longer changed. Make a new scenario to try something else.`,
    );
  }
  return { roadmap, role };
}

/**
 * A live roadmap's row (its `seq`: where its change log stands) and the actor's role in its team,
 * in one query, with accessRoadmap's answers for a deleted roadmap, a non-member or a role too
 * low. A reader that holds an answer for this sequence number and role (a cached board) needs
 * nothing more; one that does not loads the rest with the row.
 */
export async function roadmapReadStamp(
  db: Database,
  actor: Actor,
  roadmapId: string,
  permission: Permission = "team.read",
): Promise<{ roadmap: RoadmapRow; seq: number; role: Role }> {
  const [row] = await db
    .select({ roadmap: roadmaps, role: memberships.role })
    .from(roadmaps)
    .leftJoin(memberships, and(eq(memberships.teamId, roadmaps.teamId), eq(memberships.userId, actor.userId)))
    .where(and(eq(roadmaps.id, roadmapId), isNull(roadmaps.deletedAt)))
    .limit(1);
  if (!row) throw notFound("roadmap");
  return { roadmap: row.roadmap, seq: row.roadmap.seq, role: checkRole(row.role, permission) };
}

export interface RoadmapChange {
  entity: ActivityEntity;
  entityId: string;
  action: "created" | "updated" | "deleted" | "restored" | "resolved" | "reopened";
  version?: number;
  /** The item the change concerns; an item change concerns itself. */
  itemId?: string | null;
  changes?: Record<string, unknown>;
}

/**
 * Records a change to a roadmap inside its transaction: the roadmap's next sequence number, an
 * activity row with what changed, and a live event that every open page receives at commit
 * (the sequence number lets a page that missed events catch up from the activity table).
 */
export async function recordRoadmapChange(
  tx: Database,
  /** null for a change Cairn makes on its own (a scheduled job: a feedback round closing on its date). */
  actor: Pick<Actor, "userId"> | null,
  roadmap: Pick<RoadmapRow, "id" | "teamId">,
  change: RoadmapChange,
): Promise<number> {
  const [{ seq }] = await tx
    .update(roadmaps)
    .set({ seq: sql`${roadmaps.seq} + 1` })
    .where(eq(roadmaps.id, roadmap.id))
    .returning({ seq: roadmaps.seq });
  const itemId = change.itemId ?? (change.entity === "item" ? change.entityId : null);
  const [row] = await tx
    .insert(activity)
    .values({
      teamId: roadmap.teamId,
      roadmapId: roadmap.id,
      seq,
      actorId: actor?.userId ?? null,
      entity: change.entity,
      entityId: change.entityId,
      itemId,
      action: change.action,
      changes: { ...change.changes, ...(change.version !== undefined && { version: change.version }) },
    })
    .returning({ createdAt: activity.createdAt });
  await publish(tx, {
    topic: roadmapTopic(roadmap.id),
    kind: "change",
    seq,
    type: change.action,
    entity: change.entity,
    id: change.entityId,
    version: change.version ?? null,
    actorId: actor?.userId ?? null,
    itemId,
    at: row.createdAt.toISOString(),
  });
  return seq;
}

/** Field-by-field before/after for the activity log, only for fields that changed. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const from = before[key];
    const to = after[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) out[key as string] = { from, to };
  }
  return out;
}
