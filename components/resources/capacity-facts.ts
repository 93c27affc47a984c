import type { Capacity } from "@/lib/client/resources";
import { quarterLabel, type NumberText } from "./numbers";

export type SkillCapacity = Capacity["skills"][number];
export type QuarterCell = SkillCapacity["quarters"][number];

/** A skill with neither demand nor capacity anywhere has nothing to chart. */
export function isIdle(skill: SkillCapacity): boolean {
  return skill.quarters.every((q) => q.demandHours === 0 && q.capacityHours === 0);
}

export function shortQuarters(skill: SkillCapacity): QuarterCell[] {
  return skill.quarters.filter((q) => q.overAllocated);
}

/** "Backend: short in Q3 2027 by 340 h and Q4 2027 by 120 h." */
export function skillSentence(skill: SkillCapacity, num: NumberText): string {
  const short = shortQuarters(skill);
  if (short.length === 0) {
    const demand = skill.quarters.some((q) => q.demandHours > 0);
    return `${skill.name}: ${demand ? "capacity covers demand in every quarter" : "no demand, capacity planned"}.`;
  }
  const parts = short.map((q) => `${quarterLabel(q.quarter)} by ${num.hours(q.gapHours)}`);
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `${skill.name}: short in ${list}.`;
}

/** What the page leads with: how many skill-quarters are short, and the largest gap. */
export function capacityHeadline(capacity: Capacity) {
  let shortCells = 0;
  let worst: { skill: string; cell: QuarterCell } | null = null;
  for (const skill of capacity.skills) {
    for (const cell of skill.quarters) {
      if (!cell.overAllocated) continue;
      shortCells += 1;
      if (!worst || cell.gapHours > worst.cell.gapHours) worst = { skill: skill.name, cell };
    }
  }
  const demand = capacity.skills.reduce(
    (sum, s) => sum + s.quarters.reduce((a, q) => a + q.demandHours, 0),
    0,
  );
  const supply = capacity.skills.reduce(
    (sum, s) => sum + s.quarters.reduce((a, q) => a + q.capacityHours, 0),
    0,
  );
  const hires = capacity.rampUp.reduce((sum, r) => sum + r.addHeadcount, 0);
  const unassigned = capacity.unassigned.reduce((sum, q) => sum + q.hours, 0);
  return { shortCells, worst, demand, supply, hires, unassigned };
}
