import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { skills } from "@/db/schema";
import { computeCapacity, type CapacityInput } from "@/lib/planning/capacity";
import { computePhaseCapacity } from "@/lib/planning/phase-capacity";
import type { Capacity } from "@/lib/validation/resources";
import type { Item, Workstream } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadItems } from "@/lib/services/items/rows";
import { loadPhases } from "@/lib/services/phases/rows";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadStaffing } from "./staffing";
import { listWorkstreams } from "@/lib/services/workstreams/workstreams";
import { yieldToEventLoop } from "@/lib/services/kernel/event-loop";

/**
 * Demand against capacity per skill and quarter and per phase, hours per lane and quarter, and the
 * ramp-up plan (each row naming the phase it staffs), from the live items' estimates and skill
 * hours, the roadmap's phases and its staffing plan.
 */
export async function getCapacity(db: Database, actor: Actor, roadmapId: string): Promise<Capacity> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return loadCapacity(db, roadmap);
}

/**
 * getCapacity without the access check, for callers that checked it (or need none); a caller that
 * has the board's items and lanes already passes them instead of loading them again.
 */
export async function loadCapacity(
  db: Database,
  roadmap: RoadmapRow,
  board?: { items: Item[]; workstreams: Workstream[] },
): Promise<Capacity> {
  const [items, lanes, teamSkills, staffing, phases] = await Promise.all([
    board?.items ?? loadItems(db, roadmap.id),
    board?.workstreams ?? listWorkstreams(db, roadmap.id),
    db
      .select({ id: skills.id, name: skills.name })
      .from(skills)
      .where(eq(skills.teamId, roadmap.teamId))
      .orderBy(asc(skills.name)),
    loadStaffing(db, roadmap),
    loadPhases(db, roadmap.id),
  ]);
  // The write paths keep lanes and skills consistent; these guards keep one stray reference (a
  // raw import, a race with a lane's removal) from failing the whole page.
  const laneIds = new Set(lanes.map((w) => w.id));
  const skillIds = new Set(teamSkills.map((s) => s.id));
  const input: CapacityInput = {
    startDate: roadmap.startDate,
    horizonMonths: roadmap.horizonMonths,
    items: items.map((i) => ({
      id: i.id,
      workstreamId: i.workstreamId && laneIds.has(i.workstreamId) ? i.workstreamId : null,
      startDate: i.startDate,
      endDate: i.endDate,
      status: i.status,
      kind: i.kind,
      estimate: i.estimate,
      skills: i.skills.filter((s) => skillIds.has(s.skillId)),
    })),
    workstreams: lanes.map((w) => ({ id: w.id, name: w.name })),
    skills: teamSkills,
    staffing: staffing.rows.filter((r) => skillIds.has(r.skillId)),
    hiringLeadWeeks: staffing.hiringLeadWeeks,
  };
  // Each roll-up takes tens of ms at 10,000 items: the event loop runs before either.
  await yieldToEventLoop();
  const quarterly = computeCapacity(input);
  await yieldToEventLoop();
  const { byPhase, rampUpPhaseIds } = computePhaseCapacity(input, phases, quarterly);
  return {
    ...quarterly,
    rampUp: quarterly.rampUp.map((row, i) => ({ ...row, phaseId: rampUpPhaseIds[i] })),
    byPhase,
  };
}
