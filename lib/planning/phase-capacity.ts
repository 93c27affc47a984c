// Demand against capacity per development phase (api.md: capacity `byPhase`), and the phase each
// ramp-up row staffs. The same rules as the quarterly view (capacity.ts): hours spread evenly over
// a feature's working days, so a feature across two phases splits by working days; capacity from
// the quarterly staffing plan, counted for the working days of each quarter inside the phase.

import type { QuarterlyCapacity } from "@/lib/validation/resources";
import { toDayNumber, workIndexOnOrAfter } from "./calendar";
import {
  GAP_TOLERANCE_HOURS,
  horizonQuarters,
  indexById,
  readStaffing,
  rollUpDemand,
  round1,
  type CapacityInput,
  type HorizonQuarter,
} from "./capacity";

export interface CapacityPhase {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

interface SkillCell {
  skillId: string;
  name: string;
  demandHours: number;
  capacityHours: number;
  gapHours: number;
  overAllocated: boolean;
}

export interface PhaseCapacity {
  phaseId: string;
  name: string;
  startDate: string;
  endDate: string;
  demandHours: number;
  capacityHours: number;
  gapHours: number;
  skills: SkillCell[];
}

/** A phase as a period of working days, clipped to the horizon. */
function phasePeriods(phases: readonly CapacityPhase[], horizon: HorizonQuarter[]): HorizonQuarter[] {
  const first = horizon[0]?.startWork ?? 0;
  const last = horizon.at(-1)?.endWork ?? 0;
  return phases.map((p) => {
    const startWork = Math.max(first, workIndexOnOrAfter(toDayNumber(p.startDate)));
    const endWork = Math.max(startWork, Math.min(last, workIndexOnOrAfter(toDayNumber(p.endDate) + 1)));
    return { label: p.id, start: p.startDate, startWork, endWork, workingDays: endWork - startWork };
  });
}

const overlap = (a: HorizonQuarter, b: HorizonQuarter) =>
  Math.max(0, Math.min(a.endWork, b.endWork) - Math.max(a.startWork, b.startWork));

/**
 * Per phase (in the order given) and skill: demand, capacity and gap; and for each ramp-up row of
 * `capacity`, the phase it staffs: the first phase inside that quarter where the skill is short,
 * else the phase covering most of the quarter, else null (no phase there).
 */
export function computePhaseCapacity(
  input: CapacityInput,
  phases: readonly CapacityPhase[],
  capacity: Pick<QuarterlyCapacity, "rampUp">,
): { byPhase: PhaseCapacity[]; rampUpPhaseIds: (string | null)[] } {
  const quarters = horizonQuarters(input.startDate, input.horizonMonths);
  const periods = phasePeriods(phases, quarters);
  const skillIndex = indexById(input.skills, "skill");
  const laneIndex = indexById(input.workstreams, "workstream");
  const demand = rollUpDemand(input, periods, skillIndex, laneIndex);
  const staffing = readStaffing(input, quarters, skillIndex);
  const np = periods.length;
  const nq = quarters.length;

  const byPhase = phases.map((phase, p): PhaseCapacity => {
    const skills = input.skills.map((skill, s): SkillCell => {
      let capacityHours = 0;
      for (let q = 0; q < nq; q++) {
        const hours = staffing.hoursPerWeek[s * nq + q];
        if (hours > 0)
          capacityHours += (staffing.headcount[s * nq + q] * hours * overlap(periods[p], quarters[q])) / 5;
      }
      const demandHours = demand.skill[s * np + p];
      const shownDemand = round1(demandHours);
      const shownCapacity = round1(capacityHours);
      return {
        skillId: skill.id,
        name: skill.name,
        demandHours: shownDemand,
        capacityHours: shownCapacity,
        gapHours: round1(shownDemand - shownCapacity),
        overAllocated: demandHours - capacityHours > GAP_TOLERANCE_HOURS,
      };
    });
    const demandHours = round1(skills.reduce((sum, c) => sum + c.demandHours, 0));
    const capacityHours = round1(skills.reduce((sum, c) => sum + c.capacityHours, 0));
    return {
      phaseId: phase.id,
      name: phase.name,
      startDate: phase.startDate,
      endDate: phase.endDate,
      demandHours,
      capacityHours,
      gapHours: round1(demandHours - capacityHours),
      skills,
    };
  });

  const quarterByLabel = new Map(quarters.map((q) => [q.label, q]));
  const rampUpPhaseIds = capacity.rampUp.map((row) => {
    const quarter = quarterByLabel.get(row.quarter);
    if (!quarter) return null;
    let widest: { id: string; days: number } | null = null;
    for (let p = 0; p < np; p++) {
      const days = overlap(periods[p], quarter);
      if (days === 0) continue;
      const short = byPhase[p].skills.find((c) => c.skillId === row.skillId)?.overAllocated;
      if (short) return phases[p].id;
      if (!widest || days > widest.days) widest = { id: phases[p].id, days };
    }
    return widest?.id ?? null;
  });
  return { byPhase, rampUpPhaseIds };
}
