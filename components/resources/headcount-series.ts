import { horizonQuarters, UNPLANNED_PERSON_HOURS_PER_WEEK } from "@/lib/planning/capacity";
import { addDays, horizonEnd, toDayNumber } from "@/lib/planning/calendar";
import type { Capacity, StaffingPlan } from "@/lib/client/resources";

export interface HeadcountPoint {
  /** Day number of the quarter's first day inside the horizon (the chart's x). */
  day: number;
  quarter: string;
  /** People in the staffing plan. */
  planned: number;
  /** People the demand needs: its hours over one person's hours that quarter. */
  needed: number;
}

/**
 * Planned headcount against the headcount the demand needs, per quarter, for one skill or (null)
 * all of them. One person's hours are the plan's hours a week for that skill and quarter, else the
 * ramp-up's assumption. A last point at the day after the horizon closes the final step.
 */
export function headcountSeries(
  capacity: Pick<Capacity, "skills">,
  plan: Pick<StaffingPlan, "rows">,
  roadmap: { startDate: string; horizonMonths: number },
  skillId: string | null,
): HeadcountPoint[] {
  const rows = new Map(plan.rows.map((r) => [`${r.skillId}/${r.quarter}`, r]));
  const skills = capacity.skills.filter((s) => skillId === null || s.skillId === skillId);
  const points = horizonQuarters(roadmap.startDate, roadmap.horizonMonths).map((quarter, q) => {
    let planned = 0;
    let needed = 0;
    for (const skill of skills) {
      const row = rows.get(`${skill.skillId}/${quarter.label}`);
      planned += row?.headcount ?? 0;
      const perWeek = row && row.hoursPerWeek > 0 ? row.hoursPerWeek : UNPLANNED_PERSON_HOURS_PER_WEEK;
      const personHours = (perWeek * quarter.workingDays) / 5;
      if (personHours > 0) needed += (skill.quarters[q]?.demandHours ?? 0) / personHours;
    }
    return {
      day: toDayNumber(quarter.start),
      quarter: quarter.label,
      planned,
      needed: Math.round(needed * 10) / 10,
    };
  });
  const last = points.at(-1);
  if (last) {
    const after = toDayNumber(addDays(horizonEnd(roadmap.startDate, roadmap.horizonMonths), 1));
    points.push({ ...last, day: after });
  }
  return points;
}
