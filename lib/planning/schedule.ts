// The roadmap schedule of api.md ("GET /api/roadmaps/:id/schedule"): CPM on the Monday-to-Friday
// calendar, with offsets turned back into dates. O(items + dependencies) apart from sorting the
// critical path.

import { fromWorkIndex, isValidIsoDate, toDayNumber, toWorkIndex, workIndexOnOrAfter } from "./calendar";
import { buildCpmNetwork, runCpm, runProjection, type CpmLink } from "./cpm";

export { CycleError } from "./graph";

export type ItemKind = "feature" | "milestone";

export interface ScheduleItemInput {
  id: string;
  kind: ItemKind;
  /** Planned dates; a milestone has startDate == endDate, its target date. */
  startDate: string;
  endDate: string;
}

export interface ScheduleInput {
  /** The roadmap's start date. */
  projectStart: string;
  items: readonly ScheduleItemInput[];
  dependencies: readonly CpmLink[];
}

export interface ScheduledItem {
  id: string;
  durationDays: number;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalSlackDays: number;
  critical: boolean;
  plannedStartViolation: boolean;
  targetMissed: boolean;
  /**
   * Where the plan as drawn puts the item once its dependencies push it: a feature's projected
   * first and last working day, a milestone's projected date. Equal to the planned dates when
   * nothing pushes.
   */
  projectedStart: string;
  projectedFinish: string;
  /** A milestone whose projected date (its predecessors' planned finish) is after its own date. */
  plannedTargetMissed: boolean;
}

export interface Schedule {
  calendar: "mon-fri";
  /** The schedule's first working day: the roadmap start, or the Monday after it. */
  projectStart: string;
  projectFinish: string;
  criticalPath: string[];
  items: ScheduledItem[];
}

/** A feature's planned length in working days, at least 1; a milestone takes none. */
export function plannedDurationDays(item: ScheduleItemInput): number {
  if (item.kind === "milestone") {
    assertMilestoneDate(item);
    return 0;
  }
  return featureDuration(toDayNumber(item.startDate), toDayNumber(item.endDate));
}

function featureDuration(startDay: number, endDay: number): number {
  if (endDay < startDay) return 1;
  return Math.max(1, workIndexOnOrAfter(endDay + 1) - workIndexOnOrAfter(startDay));
}

function assertMilestoneDate(item: ScheduleItemInput): void {
  if (!isValidIsoDate(item.startDate)) {
    throw new RangeError(`milestone ${item.id} has no valid date: ${JSON.stringify(item.startDate)}`);
  }
}

/** Durations, and each feature's planned first working day as a working-day index, parsing each date once. */
function readPlannedDates(items: readonly ScheduleItemInput[]): {
  durations: Int32Array;
  plannedStart: Int32Array;
} {
  const durations = new Int32Array(items.length);
  const plannedStart = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === "milestone") {
      assertMilestoneDate(item);
      continue;
    }
    const startDay = toDayNumber(item.startDate);
    plannedStart[i] = workIndexOnOrAfter(startDay);
    durations[i] = featureDuration(startDay, toDayNumber(item.endDate));
  }
  return { durations, plannedStart };
}

/**
 * Throws CycleError (with `.cycle`) when the dependencies form a cycle, RangeError on invalid
 * dates, duplicate or unknown ids, or fractional lags.
 */
export function computeSchedule(input: ScheduleInput): Schedule {
  const { items } = input;
  const n = items.length;
  const network = buildCpmNetwork(
    items.map((item) => item.id),
    input.dependencies,
  );
  const { durations, plannedStart } = readPlannedDates(items);
  const { es, ef, ls, lf, finish } = runCpm(network, durations);

  const origin = toWorkIndex(input.projectStart);
  const floor = new Int32Array(n);
  for (let i = 0; i < n; i++)
    floor[i] = items[i].kind === "milestone" ? 0 : Math.max(0, plannedStart[i] - origin);
  const projected = runProjection(network, durations, floor);
  let last = finish;
  for (let i = 0; i < n; i++) if (projected.end[i] > last) last = projected.end[i];
  // Many items share dates; format each offset once. Preallocated so the array stays dense.
  const dayCache: (string | undefined)[] = new Array(last + 1);
  const day = (offset: number): string => (dayCache[offset] ??= fromWorkIndex(origin + offset));

  const scheduled: ScheduledItem[] = new Array(n);
  const criticalIndexes: number[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const slack = ls[i] - es[i];
    const critical = slack <= 0;
    if (critical) criticalIndexes.push(i);
    if (item.kind === "milestone") {
      // Reached on the last working day of its latest predecessor (day 0 without one).
      const early = day(Math.max(es[i] - 1, 0));
      const late = day(Math.max(ls[i] - 1, 0));
      const projectedDate = day(Math.max(projected.start[i] - 1, 0));
      scheduled[i] = {
        id: item.id,
        durationDays: 0,
        earlyStart: early,
        earlyFinish: early,
        lateStart: late,
        lateFinish: late,
        totalSlackDays: slack,
        critical,
        plannedStartViolation: false,
        targetMissed: early > item.startDate,
        projectedStart: projectedDate,
        projectedFinish: projectedDate,
        plannedTargetMissed: projectedDate > item.startDate,
      };
    } else {
      scheduled[i] = {
        id: item.id,
        durationDays: durations[i],
        earlyStart: day(es[i]),
        earlyFinish: day(ef[i] - 1),
        lateStart: day(ls[i]),
        lateFinish: day(lf[i] - 1),
        totalSlackDays: slack,
        critical,
        // Compared on working days, so a planned start on a Saturday counts as the Monday after.
        plannedStartViolation: plannedStart[i] < origin + es[i],
        targetMissed: false,
        projectedStart: day(projected.start[i]),
        projectedFinish: day(projected.end[i] - 1),
        plannedTargetMissed: false,
      };
    }
  }

  criticalIndexes.sort((a, b) => es[a] - es[b] || ef[a] - ef[b] || compareIds(items[a].id, items[b].id));
  return {
    calendar: "mon-fri",
    projectStart: day(0),
    projectFinish: day(Math.max(finish - 1, 0)),
    criticalPath: criticalIndexes.map((i) => items[i].id),
    items: scheduled,
  };
}

/** Code-unit order: stable across locales, unlike localeCompare. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
