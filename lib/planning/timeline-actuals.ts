// What the timeline draws of actuals (issue #18): how far along each bar is (its progress fill),
// where the baseline (a chosen snapshot) had it, its slip since then in working days, and whether
// done work finished late or early. Pure, shared by the page (components/timeline) and the server's
// pictures (lib/exports/timeline), so both fill a bar the same way.

import { workIndexOnOrAfter } from "./calendar";
import { toDayNumber } from "./civil-date";
import type { ItemStatus } from "./timeline-style";

export interface ProgressInput {
  kind: "feature" | "milestone";
  status: ItemStatus;
  startDate: string;
  endDate: string;
  estimate: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null;
  skills: readonly { hours: number }[];
  actualStart: string | null;
  actualFinish: string | null;
  remainingHours: number | null;
}

/** Work in progress never shows as finished: the last 5% is for marking it done. */
const MAX_OPEN_PROGRESS = 0.95;

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** The hours an item was estimated at: the PERT mean of its three points, else its skills' hours. */
export function estimatedHours(item: Pick<ProgressInput, "estimate" | "skills">): number {
  if (item.estimate) {
    const { optimisticHours: o, likelyHours: m, pessimisticHours: p } = item.estimate;
    return (o + 4 * m + p) / 6;
  }
  return item.skills.reduce((sum, s) => sum + s.hours, 0);
}

/** Working days in the half-open span (from, to]: negative when `to` is before `from`. */
export function workingDaysAfter(from: string, to: string): number {
  return workIndexOnOrAfter(toDayNumber(to) + 1) - workIndexOnOrAfter(toDayNumber(from) + 1);
}

/**
 * The share of an item's work done, 0-1: done is 1; planned and cut 0; work in progress (or at risk
 * once started) from its remaining hours against its estimate when both are known, else from the
 * working days gone since it (actually) started over its planned span. Open work stays under 95%.
 */
export function itemProgress(item: ProgressInput, today: string): number {
  if (item.status === "done") return 1;
  if (item.kind === "milestone" || item.status === "planned" || item.status === "cut") return 0;
  if (item.status === "at_risk" && item.actualStart === null) return 0;
  const estimate = estimatedHours(item);
  if (item.remainingHours !== null && estimate > 0) {
    return clamp(1 - item.remainingHours / estimate, 0, MAX_OPEN_PROGRESS);
  }
  const start = item.actualStart ?? item.startDate;
  const span = workingDaysAfter(start, item.endDate) + 1;
  const gone = workingDaysAfter(start, today);
  return span > 0 ? clamp(gone / span, 0, MAX_OPEN_PROGRESS) : 0;
}

export interface BaselineDates {
  startDate: string;
  endDate: string;
}

/** Item id → its dates in the baseline; an item missing from it was added since. */
export type Baseline = ReadonlyMap<string, BaselineDates>;

/**
 * The baseline of the items drawn, from a diff of the baseline snapshot against now: a moved item
 * had its `from` dates, an added one none, every other item the dates it has now.
 */
export function baselineFromDiff(
  items: readonly { id: string; startDate: string; endDate: string }[],
  diff: {
    moved: readonly { id: string; fromStart: string; fromEnd: string }[];
    added: readonly { id: string }[];
  },
): Baseline {
  const moved = new Map(diff.moved.map((m) => [m.id, m]));
  const added = new Set(diff.added.map((a) => a.id));
  const out = new Map<string, BaselineDates>();
  for (const item of items) {
    if (added.has(item.id)) continue;
    const m = moved.get(item.id);
    out.set(item.id, m ? { startDate: m.fromStart, endDate: m.fromEnd } : item);
  }
  return out;
}

type FinishInput = Pick<ProgressInput, "status" | "endDate" | "actualFinish">;

/** Where an item finishes as far as we know: the day done work really finished, else its plan. */
export function currentFinish(item: FinishInput): string {
  return item.status === "done" && item.actualFinish ? item.actualFinish : item.endDate;
}

/** Working days the item's finish has moved since the baseline: later positive. */
export function slipDays(item: FinishInput, base: BaselineDates): number {
  return workingDaysAfter(base.endDate, currentFinish(item));
}

export type DoneMark = "late" | "early";

/**
 * Done work that finished after (late) or before (early) the day it was due: its baseline finish
 * when a baseline holds it, else its planned end. Counted in working days, so finishing on the
 * Saturday after a Friday due date is on time.
 */
export function doneMark(item: FinishInput, base: BaselineDates | undefined): DoneMark | null {
  if (item.status !== "done" || !item.actualFinish) return null;
  const days = workingDaysAfter(base?.endDate ?? item.endDate, item.actualFinish);
  return days > 0 ? "late" : days < 0 ? "early" : null;
}

/** The items whose finish is later than the baseline's (added items have no baseline to slip from). */
export function slippedItems<T extends FinishInput & { id: string }>(
  items: readonly T[],
  baseline: Baseline,
): T[] {
  return items.filter((item) => {
    const base = baseline.get(item.id);
    return base !== undefined && item.status !== "cut" && slipDays(item, base) > 0;
  });
}
