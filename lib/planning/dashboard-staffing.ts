// Staffing roll-ups of the dashboards, read off the capacity answer (lib/planning/capacity.ts).
//
// A skill is short in a quarter when that quarter is over-allocated (demand above capacity by more
// than the capacity rules' 0.5 h tolerance). Its gap over the horizon is the sum of those positive
// quarterly gaps (a surplus in one quarter does not cover a shortfall in another: people cannot
// work ahead of the work), its worst quarter the one with the largest gap (the earliest on a tie),
// and addHeadcount the people the ramp-up suggests for it in all quarters (its rows are increments:
// people once suggested stay).

import type { QuarterlyCapacity } from "../validation/resources";

export interface StaffingGap {
  skillId: string;
  skill: string;
  worstQuarter: string;
  gapHours: number;
  addHeadcount: number;
}

const round1 = (hours: number) => Math.round(hours * 10) / 10;

/** Skills short of people, largest gap first (then by name). */
export function staffingGaps(capacity: QuarterlyCapacity): StaffingGap[] {
  const added = new Map<string, number>();
  for (const row of capacity.rampUp) added.set(row.skillId, (added.get(row.skillId) ?? 0) + row.addHeadcount);
  const gaps: StaffingGap[] = [];
  for (const skill of capacity.skills) {
    let gapHours = 0;
    let worst: { quarter: string; gapHours: number } | null = null;
    for (const cell of skill.quarters) {
      if (!cell.overAllocated) continue;
      gapHours += cell.gapHours;
      if (!worst || cell.gapHours > worst.gapHours) worst = cell;
    }
    if (!worst) continue;
    gaps.push({
      skillId: skill.skillId,
      skill: skill.name,
      worstQuarter: worst.quarter,
      gapHours: round1(gapHours),
      addHeadcount: added.get(skill.skillId) ?? 0,
    });
  }
  return gaps.sort((a, b) => b.gapHours - a.gapHours || a.skill.localeCompare(b.skill));
}

/** Demand and capacity per skill and quarter, for skills with any demand or capacity. */
export function skillDemand(capacity: QuarterlyCapacity) {
  return capacity.skills
    .filter((skill) => skill.quarters.some((q) => q.demandHours > 0 || q.capacityHours > 0))
    .map((skill) => ({
      skillId: skill.skillId,
      skill: skill.name,
      quarters: skill.quarters.map((q) => ({
        quarter: q.quarter,
        demandHours: q.demandHours,
        capacityHours: q.capacityHours,
      })),
    }));
}
