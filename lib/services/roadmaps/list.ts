import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, roadmaps } from "@/db/schema";
import { type Roadmap, type RoadmapSummary } from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { RESTORE_WINDOW_DAYS, toRoadmap } from "./rows";

/** The team's live roadmaps (not deleted), most recently changed first, with item counts. */
export async function listRoadmaps(db: Database, actor: Actor, teamId: string): Promise<RoadmapSummary[]> {
  await requirePermission(db, actor, teamId, "team.read");
  const rows = await db
    .select({
      roadmap: roadmaps,
      itemCount: sql<number>`count(${items.id}) filter (where ${items.kind} = 'feature')::int`,
      milestoneCount: sql<number>`count(${items.id}) filter (where ${items.kind} = 'milestone')::int`,
    })
    .from(roadmaps)
    .leftJoin(items, and(eq(items.roadmapId, roadmaps.id), isNull(items.deletedAt)))
    .where(and(eq(roadmaps.teamId, teamId), isNull(roadmaps.deletedAt), eq(roadmaps.kind, "roadmap")))
    .groupBy(roadmaps.id)
    .orderBy(desc(roadmaps.updatedAt));
  return rows.map((r) => ({
    ...toRoadmap(r.roadmap),
    itemCount: r.itemCount,
    milestoneCount: r.milestoneCount,
  }));
}

/** Deleted roadmaps of a team that can still be restored (for the "recently deleted" list). */
export async function listDeletedRoadmaps(db: Database, actor: Actor, teamId: string): Promise<Roadmap[]> {
  await requirePermission(db, actor, teamId, "roadmap.write");
  const since = new Date(Date.now() - RESTORE_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .select()
    .from(roadmaps)
    .where(and(eq(roadmaps.teamId, teamId), gt(roadmaps.deletedAt, since)))
    .orderBy(desc(roadmaps.deletedAt));
  return rows.map(toRoadmap);
}
