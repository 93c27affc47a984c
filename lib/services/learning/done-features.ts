// A team's done features across all its roadmaps (not scenarios, not deleted), with their skills and
// the hours logged on them: the history that estimate accuracy summarises and the forecast from
// history resamples. Three queries whatever the count.
import { and, count, eq, isNull, max, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, itemSkills, roadmaps, timeEntries } from "@/db/schema";
import type { DoneFeature } from "@/lib/planning/actual-ratios";
import { estimateOf } from "@/lib/services/items/rows";

const doneFeaturesOf = (teamId: string) =>
  and(
    eq(roadmaps.teamId, teamId),
    eq(roadmaps.kind, "roadmap"),
    isNull(roadmaps.deletedAt),
    eq(items.kind, "feature"),
    eq(items.status, "done"),
    isNull(items.deletedAt),
  );

export async function loadDoneFeatures(db: Database, teamId: string): Promise<DoneFeature[]> {
  const [rows, skillRows, hourRows] = await Promise.all([
    db
      .select({
        id: items.id,
        roadmapId: items.roadmapId,
        title: items.title,
        startDate: items.startDate,
        endDate: items.endDate,
        optimisticHours: items.optimisticHours,
        likelyHours: items.likelyHours,
        pessimisticHours: items.pessimisticHours,
        ownerId: items.ownerId,
        actualStart: items.actualStart,
        actualFinish: items.actualFinish,
      })
      .from(items)
      .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
      .where(doneFeaturesOf(teamId))
      .orderBy(items.actualFinish, items.id),
    db
      .select({ itemId: itemSkills.itemId, skillId: itemSkills.skillId, hours: itemSkills.hours })
      .from(itemSkills)
      .innerJoin(items, eq(items.id, itemSkills.itemId))
      .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
      .where(doneFeaturesOf(teamId)),
    db
      .select({ itemId: timeEntries.itemId, hours: sql<string>`sum(${timeEntries.hours})` })
      .from(timeEntries)
      .where(eq(timeEntries.teamId, teamId))
      .groupBy(timeEntries.itemId),
  ]);
  const skillsOf = new Map<string, { skillId: string; hours: number }[]>();
  for (const { itemId, ...skill } of skillRows) {
    const list = skillsOf.get(itemId);
    if (list) list.push(skill);
    else skillsOf.set(itemId, [skill]);
  }
  const hoursOf = new Map(hourRows.map((r) => [r.itemId, Number(r.hours)]));
  return rows.map(({ optimisticHours, likelyHours, pessimisticHours, ...row }) => ({
    ...row,
    estimate: estimateOf({ optimisticHours, likelyHours, pessimisticHours }),
    skills: skillsOf.get(row.id) ?? [],
    loggedHours: hoursOf.get(row.id) ?? null,
  }));
}

/**
 * What the team's history is now, in one short query: a forecast from history cached under an older
 * stamp is stale (a feature done, reopened, re-dated or deleted on any of the team's roadmaps).
 */
export async function historyStamp(db: Database, teamId: string): Promise<string> {
  const [row] = await db
    .select({ n: count(), latest: max(items.updatedAt) })
    .from(items)
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .where(doneFeaturesOf(teamId));
  return `${row.n}:${row.latest ? new Date(row.latest).getTime() : 0}`;
}
