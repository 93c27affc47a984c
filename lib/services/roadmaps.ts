import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, roadmaps } from "@/db/schema";
import type { RoadmapSummary } from "@/lib/validation/roadmaps";
import type { Actor } from "./actor";
import { requireRole } from "./authorization";

type RoadmapRow = typeof roadmaps.$inferSelect;

export function toRoadmapSummary(r: RoadmapRow, counts: { itemCount: number; milestoneCount: number }): RoadmapSummary {
  return {
    id: r.id,
    teamId: r.teamId,
    title: r.title,
    description: r.description,
    startDate: r.startDate,
    horizonMonths: r.horizonMonths,
    status: r.status,
    kind: r.kind,
    baseRoadmapId: r.baseRoadmapId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    ...counts,
  };
}

/** The team's live roadmaps (not deleted), most recently changed first, with item counts. */
export async function listRoadmaps(db: Database, actor: Actor, teamId: string): Promise<RoadmapSummary[]> {
  await requireRole(db, actor, teamId, "viewer");
  const rows = await db
    .select({
      roadmap: roadmaps,
      itemCount: sql<number>`count(${items.id}) filter (where ${items.kind} = 'feature')::int`,
      milestoneCount: sql<number>`count(${items.id}) filter (where ${items.kind} = 'milestone')::int`,
    })
    .from(roadmaps)
    .leftJoin(items, and(eq(items.roadmapId, roadmaps.id), isNull(items.deletedAt)))
    .where(and(eq(roadmaps.teamId, teamId), isNull(roadmaps.deletedAt)))
    .groupBy(roadmaps.id)
    .orderBy(desc(roadmaps.updatedAt));
  return rows.map((r) => toRoadmapSummary(r.roadmap, { itemCount: r.itemCount, milestoneCount: r.milestoneCount }));
}
