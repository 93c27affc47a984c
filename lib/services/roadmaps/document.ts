import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { skills } from "@/db/schema";
import {
  ROADMAP_DOCUMENT_FORMAT,
  ROADMAP_DOCUMENT_VERSION,
  type RoadmapDocument,
} from "@/lib/validation/roadmap-document";
import { loadDependenciesInOneRead, loadItemsInOneRead } from "@/lib/services/items/one-read";
import { plainItemFields } from "@/lib/services/items/rows";
import { loadPeople } from "@/lib/services/teams/people";
import { loadPhases } from "@/lib/services/phases/rows";
import { loadRisks, plainRiskFields } from "@/lib/services/risks/rows";
import type { Dependency, Item } from "@/lib/validation/timeline";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadStaffing } from "@/lib/services/staffing/staffing";
import { listWorkstreams } from "@/lib/services/workstreams/workstreams";

/**
 * The live items and links a caller has just read under the roadmap lock (loadItemsInOneRead and
 * loadDependenciesInOneRead, or their row-by-row twins): handed over, they are not read twice.
 */
export interface LoadedPlan {
  items: Item[];
  dependencies: Dependency[];
}

/**
 * The roadmap as one lossless document (api.md's JSON export, and what a snapshot freezes): the
 * live lanes, items, links, risks and staffing, skills by name and people by email. The caller has
 * checked access; inside a transaction that holds the roadmap lock, the document is consistent.
 */
export async function loadRoadmapDocument(
  db: Database,
  roadmap: RoadmapRow,
  now: Date = new Date(),
  loaded?: LoadedPlan,
): Promise<RoadmapDocument> {
  const [workstreams, items, risks, staffing, skillRows, phases] = await Promise.all([
    listWorkstreams(db, roadmap.id),
    loaded?.items ?? loadItemsInOneRead(db, roadmap.id),
    loadRisks(db, roadmap.id),
    loadStaffing(db, roadmap),
    db.select({ id: skills.id, name: skills.name }).from(skills).where(eq(skills.teamId, roadmap.teamId)),
    loadPhases(db, roadmap.id),
  ]);
  const itemIds = new Set(items.map((i) => i.id));
  const dependencies = loaded?.dependencies ?? (await loadDependenciesInOneRead(db, roadmap.id, itemIds));
  const people = await loadPeople(db, [...items.map((i) => i.ownerId), ...risks.map((r) => r.ownerId)]);
  const skillName = new Map(skillRows.map((s) => [s.id, s.name]));
  const emailOf = (id: string | null) => (id ? (people.get(id)?.email ?? null) : null);

  return {
    format: ROADMAP_DOCUMENT_FORMAT,
    version: ROADMAP_DOCUMENT_VERSION,
    exportedAt: now.toISOString(),
    roadmap: {
      title: roadmap.title,
      description: roadmap.description,
      startDate: roadmap.startDate,
      horizonMonths: roadmap.horizonMonths,
      status: roadmap.status,
    },
    workstreams: workstreams.map((w) => ({ id: w.id, name: w.name, position: w.position })),
    items: items.map((i) => ({
      id: i.id,
      workstreamId: i.workstreamId,
      ...plainItemFields(i),
      estimate: i.estimate,
      skills: i.skills.flatMap((s) => {
        const skill = skillName.get(s.skillId);
        return skill ? [{ skill, hours: s.hours }] : [];
      }),
      owner: emailOf(i.ownerId),
    })),
    dependencies: dependencies.map((d) => ({ fromId: d.fromId, toId: d.toId, lagDays: d.lagDays })),
    risks: risks.map((r) => ({
      id: r.id,
      ...plainRiskFields(r),
      itemIds: r.itemIds.filter((id) => itemIds.has(id)),
      owner: emailOf(r.ownerId),
      delayDays: r.delayDays,
      contingency: r.contingency,
    })),
    phases: phases.map((p) => ({
      id: p.id,
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      gate: p.gate && { title: p.gate.title, outcome: p.gate.outcome },
    })),
    staffing:
      staffing.version === 0
        ? null
        : {
            hiringLeadWeeks: staffing.hiringLeadWeeks,
            rows: staffing.rows.flatMap((row) => {
              const skill = skillName.get(row.skillId);
              return skill
                ? [{ skill, quarter: row.quarter, headcount: row.headcount, hoursPerWeek: row.hoursPerWeek }]
                : [];
            }),
          },
  };
}
