// Demand against capacity per skill and quarter, hours per lane, and a suggested ramp-up: the
// answer of api.md "GET /api/roadmaps/:id/capacity". Pure, O(items x quarters + staffing rows).
//
// The rules:
// - Cut items and milestones carry no hours. Every other feature (done ones too: they took the
//   hours) spreads its hours evenly over its working days (Monday to Friday). A feature whose span
//   holds no working day (a weekend) counts as the working day on or after its start, as in the
//   schedule. Hours that fall on days outside the horizon are dropped, not moved into it.
// - Skill demand: an item's hours per skill, spread as above.
// - Lane hours: the item's PERT mean (o + 4m + p) / 6 when it has an estimate, else the sum of its
//   skill hours; items in no lane are listed under workstreamId null, "No lane" (after the lanes,
//   and only when such an item exists).
// - Unassigned: max(0, PERT mean - sum of skill hours) per item, spread the same way.
// - Capacity: headcount x hoursPerWeek x (working days of the quarter inside the horizon / 5);
//   a skill with no staffing row for a quarter has none. gapHours = demand - capacity, positive
//   when short; overAllocated when the gap exceeds 0.5 h (float noise is not a shortage).
// - Ramp-up, per skill walking the quarters in order, people once suggested stay: a quarter short
//   of capacity needs ceil((gap - 0.5) / one person's hours) people (the same 0.5 h tolerance),
//   less those suggested for earlier quarters; a row only when that is above 0. One person gives
//   the quarter's planned hoursPerWeek for the skill, or 40 h x 0.8 focus = 32 h/week when the
//   skill has no row (or a row of 0 h/week) that quarter, times working days / 5. startBy = the
//   quarter's first day, or the horizon start when later, minus hiringLeadWeeks weeks.
// - Output hours are rounded to one decimal; gapHours is the rounded demand minus the rounded
//   capacity so the three figures add up. Every skill given appears with every quarter.
// Throws RangeError on invalid dates, a negative or fractional horizon or lead time, negative or
// non-finite hours, unknown skill or lane ids, and duplicate ids or staffing rows.

import type { QuarterlyCapacity } from "@/lib/validation/resources";
import { addDays, horizonEnd, quarterSpans, toDayNumber, workIndexOnOrAfter } from "./calendar";

export interface CapacityItem {
  id: string;
  workstreamId: string | null;
  startDate: string;
  endDate: string;
  status: "planned" | "in_progress" | "done" | "at_risk" | "cut";
  kind: "feature" | "milestone";
  estimate: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null;
  skills: { skillId: string; hours: number }[];
}

export interface CapacityInput {
  /** The roadmap's first day. */
  startDate: string;
  horizonMonths: number;
  items: CapacityItem[];
  workstreams: { id: string; name: string }[];
  /** The team's skills: every one appears in the answer, in this order. */
  skills: { id: string; name: string }[];
  /** Rows for quarters outside the horizon are ignored. */
  staffing: { skillId: string; quarter: string; headcount: number; hoursPerWeek: number }[];
  hiringLeadWeeks: number;
}

const DEFAULT_HOURS_PER_WEEK = 40;
const DEFAULT_FOCUS_FACTOR = 0.8;
/** One person's focused hours a week where the plan gives none (the ramp-up's assumption too). */
export const UNPLANNED_PERSON_HOURS_PER_WEEK = DEFAULT_HOURS_PER_WEEK * DEFAULT_FOCUS_FACTOR;
/** A gap of at most this many hours is rounding noise, not a shortage. */
export const GAP_TOLERANCE_HOURS = 0.5;
const NO_LANE = "No lane";

export interface HorizonQuarter {
  label: string;
  /** Clipped to the horizon. */
  start: string;
  /** Working-day indexes [startWork, endWork) of the quarter inside the horizon. */
  startWork: number;
  endWork: number;
  workingDays: number;
}

export function horizonQuarters(startDate: string, horizonMonths: number): HorizonQuarter[] {
  if (!Number.isInteger(horizonMonths) || horizonMonths < 0) {
    throw new RangeError(`horizonMonths must be a whole number of months, not ${horizonMonths}`);
  }
  toDayNumber(startDate);
  return quarterSpans(startDate, horizonEnd(startDate, horizonMonths)).map((span) => {
    const startWork = workIndexOnOrAfter(toDayNumber(span.start));
    const endWork = workIndexOnOrAfter(toDayNumber(span.end) + 1);
    return { label: span.label, start: span.start, startWork, endWork, workingDays: endWork - startWork };
  });
}

/** "2027-Q1" ... : every calendar quarter the horizon of horizonMonths from startDate touches. */
export function quartersOf(startDate: string, horizonMonths: number): string[] {
  return horizonQuarters(startDate, horizonMonths).map((q) => q.label);
}

export function round1(hours: number): number {
  return Math.round(hours * 10) / 10 || 0;
}

function checkHours(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative number of hours, not ${value}`);
  }
  return value;
}

export function indexById(list: { id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  list.forEach(({ id }, i) => {
    if (index.has(id)) throw new RangeError(`duplicate ${what} id ${id}`);
    index.set(id, i);
  });
  return index;
}

function pertMean(id: string, estimate: NonNullable<CapacityItem["estimate"]>): number {
  const { optimisticHours: o, likelyHours: m, pessimisticHours: p } = estimate;
  const what = `item ${id} estimate`;
  return (checkHours(o, what) + 4 * checkHours(m, what) + checkHours(p, what)) / 6;
}

/** Per-quarter sums, one Float64Array row of quarters per skill or lane. */
export interface Demand {
  skill: Float64Array;
  lane: Float64Array;
  noLane: Float64Array;
  hasNoLane: boolean;
  unassigned: Float64Array;
}

export function rollUpDemand(
  input: CapacityInput,
  quarters: HorizonQuarter[],
  skillIndex: Map<string, number>,
  laneIndex: Map<string, number>,
): Demand {
  const nq = quarters.length;
  const demand: Demand = {
    skill: new Float64Array(input.skills.length * nq),
    lane: new Float64Array(input.workstreams.length * nq),
    noLane: new Float64Array(nq),
    hasNoLane: false,
    unassigned: new Float64Array(nq),
  };
  // Items are checked (and "No lane" is decided) even when the horizon has no quarter.
  const horizonStart = nq > 0 ? quarters[0].startWork : 0;
  const horizonEndWork = nq > 0 ? quarters[nq - 1].endWork : 0;
  const skillOffsets: number[] = [];
  const skillHours: number[] = [];

  for (const item of input.items) {
    if (item.kind === "milestone" || item.status === "cut") continue;
    let lane = -1;
    if (item.workstreamId !== null) {
      lane = laneIndex.get(item.workstreamId) ?? -1;
      if (lane < 0) throw new RangeError(`item ${item.id} is in unknown lane ${item.workstreamId}`);
    } else demand.hasNoLane = true;

    skillOffsets.length = 0;
    skillHours.length = 0;
    let skillSum = 0;
    for (const need of item.skills) {
      const s = skillIndex.get(need.skillId);
      if (s === undefined) throw new RangeError(`item ${item.id} needs unknown skill ${need.skillId}`);
      const hours = checkHours(need.hours, `item ${item.id} skill hours`);
      skillOffsets.push(s * nq);
      skillHours.push(hours);
      skillSum += hours;
    }
    const estimated = item.estimate ? pertMean(item.id, item.estimate) : null;
    const laneHours = estimated ?? skillSum;
    const unassigned = estimated === null ? 0 : Math.max(0, estimated - skillSum);

    const startDay = toDayNumber(item.startDate);
    const start = workIndexOnOrAfter(startDay);
    let end = workIndexOnOrAfter(toDayNumber(item.endDate) + 1);
    if (end <= start) end = start + 1;
    if (end <= horizonStart || start >= horizonEndWork) continue;
    const length = end - start;

    for (let q = 0; q < nq; q++) {
      const { startWork, endWork } = quarters[q];
      if (endWork <= start) continue;
      if (startWork >= end) break;
      const share = (Math.min(end, endWork) - Math.max(start, startWork)) / length;
      if (share <= 0) continue;
      for (let k = 0; k < skillOffsets.length; k++)
        demand.skill[skillOffsets[k] + q] += skillHours[k] * share;
      if (lane >= 0) demand.lane[lane * nq + q] += laneHours * share;
      else demand.noLane[q] += laneHours * share;
      demand.unassigned[q] += unassigned * share;
    }
  }
  return demand;
}

/** Planned headcount and hours per week per skill and horizon quarter; NaN hours where no row. */
export function readStaffing(
  input: CapacityInput,
  quarters: HorizonQuarter[],
  skillIndex: Map<string, number>,
): { headcount: Float64Array; hoursPerWeek: Float64Array } {
  const nq = quarters.length;
  const quarterIndex = new Map(quarters.map((q, i) => [q.label, i]));
  const headcount = new Float64Array(input.skills.length * nq);
  const hoursPerWeek = new Float64Array(input.skills.length * nq).fill(NaN);
  const seen = new Set<string>();
  for (const row of input.staffing) {
    const s = skillIndex.get(row.skillId);
    if (s === undefined) throw new RangeError(`staffing row for unknown skill ${row.skillId}`);
    const key = `${row.skillId}/${row.quarter}`;
    if (seen.has(key)) throw new RangeError(`two staffing rows for skill ${row.skillId} in ${row.quarter}`);
    seen.add(key);
    const q = quarterIndex.get(row.quarter);
    if (q === undefined) continue;
    if (!Number.isFinite(row.headcount) || row.headcount < 0) {
      throw new RangeError(`headcount must be a non-negative number, not ${row.headcount}`);
    }
    headcount[s * nq + q] = row.headcount;
    hoursPerWeek[s * nq + q] = checkHours(row.hoursPerWeek, "hoursPerWeek");
  }
  return { headcount, hoursPerWeek };
}

/**
 * Demand against capacity per skill and quarter of the horizon, hours per lane and unassigned
 * hours per quarter, and the suggested ramp-up (rows by quarter, then in the order of `skills`); the
 * rules are at the top of this file.
 */
export function computeCapacity(input: CapacityInput): QuarterlyCapacity {
  if (!Number.isInteger(input.hiringLeadWeeks) || input.hiringLeadWeeks < 0) {
    throw new RangeError(`hiringLeadWeeks must be a whole number of weeks, not ${input.hiringLeadWeeks}`);
  }
  const quarters = horizonQuarters(input.startDate, input.horizonMonths);
  const nq = quarters.length;
  const skillIndex = indexById(input.skills, "skill");
  const laneIndex = indexById(input.workstreams, "workstream");
  const demand = rollUpDemand(input, quarters, skillIndex, laneIndex);
  const staffing = readStaffing(input, quarters, skillIndex);

  const rampUp: QuarterlyCapacity["rampUp"] = [];
  const suggested = new Float64Array(input.skills.length);
  const skills: QuarterlyCapacity["skills"] = input.skills.map((skill) => ({
    skillId: skill.id,
    name: skill.name,
    quarters: new Array(nq),
  }));
  for (let q = 0; q < nq; q++) {
    const quarter = quarters[q];
    const weeks = quarter.workingDays / 5;
    for (let s = 0; s < input.skills.length; s++) {
      const cell = s * nq + q;
      const planned = staffing.hoursPerWeek[cell];
      const demandHours = demand.skill[cell];
      const capacityHours = planned > 0 ? staffing.headcount[cell] * planned * weeks : 0;
      const gap = demandHours - capacityHours;
      const overAllocated = gap > GAP_TOLERANCE_HOURS;
      const shownDemand = round1(demandHours);
      const shownCapacity = round1(capacityHours);
      skills[s].quarters[q] = {
        quarter: quarter.label,
        demandHours: shownDemand,
        capacityHours: shownCapacity,
        gapHours: round1(shownDemand - shownCapacity),
        overAllocated,
      };
      const personHours = (planned > 0 ? planned : UNPLANNED_PERSON_HOURS_PER_WEEK) * weeks;
      if (!overAllocated || personHours <= 0) continue;
      const needed = Math.ceil((gap - GAP_TOLERANCE_HOURS) / personHours);
      const add = needed - suggested[s];
      if (add <= 0) continue;
      suggested[s] = needed;
      rampUp.push({
        skillId: input.skills[s].id,
        quarter: quarter.label,
        addHeadcount: add,
        startBy: addDays(quarter.start, -7 * input.hiringLeadWeeks),
      });
    }
  }

  const laneRow = (workstreamId: string | null, name: string, hours: Float64Array, offset: number) => ({
    workstreamId,
    name,
    quarters: quarters.map((quarter, q) => ({ quarter: quarter.label, hours: round1(hours[offset + q]) })),
  });
  const workstreams = input.workstreams.map((lane, i) => laneRow(lane.id, lane.name, demand.lane, i * nq));
  if (demand.hasNoLane) workstreams.push(laneRow(null, NO_LANE, demand.noLane, 0));

  return {
    quarters: quarters.map((q) => q.label),
    skills,
    workstreams,
    unassigned: quarters.map((quarter, q) => ({
      quarter: quarter.label,
      hours: round1(demand.unassigned[q]),
    })),
    rampUp,
    hiringLeadWeeks: input.hiringLeadWeeks,
  };
}
