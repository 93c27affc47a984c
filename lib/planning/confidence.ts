// Confidence over time (api.md "GET /api/roadmaps/:id/confidence"): the recorded forecasts of one
// method as a series per key milestone and for the project finish, and the trend of each P80 since
// the last review ("P80 moved 9 working days later since the last review"). Pure; O(records x
// milestones).

import type { Confidence, ForecastMethod } from "../validation/learning";
import type { ForecastRecord } from "./calibration";
import { toWorkIndex } from "./calendar";

/** The series part of the confidence answer; the service adds the calibration. */
export type ConfidenceSeries = Omit<Confidence, "calibration">;
type Series = Confidence["projectFinish"];
type Point = Series["points"][number];
type Trend = NonNullable<Series["trend"]>;

export interface CurrentMilestone {
  id: string;
  title: string;
  targetDate: string;
}

/**
 * The series of `method`'s records, oldest first. With `current` (the roadmap's key milestones now,
 * in the order to show), exactly those milestones, with their current titles and dates (a
 * milestone made key later has points from then on; one deleted or no longer key is left out).
 * Without it, every milestone any record names, titled as the latest record names it, by target.
 */
export function confidenceSeries(
  records: readonly ForecastRecord[],
  method: ForecastMethod,
  current?: readonly CurrentMilestone[],
): ConfidenceSeries {
  const ordered = records
    .filter((r) => r.method === method)
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  const points = new Map<string, Point[]>();
  const latest = new Map<string, CurrentMilestone>();
  const finish: Point[] = [];
  for (const record of ordered) {
    const base = { on: record.recordedOn, reason: record.reason };
    for (const m of record.series.milestones) {
      const point = { ...base, p50: m.p50, p80: m.p80, onTimeProbability: m.onTimeProbability };
      const list = points.get(m.milestoneId);
      if (list) list.push(point);
      else points.set(m.milestoneId, [point]);
      latest.set(m.milestoneId, { id: m.milestoneId, title: m.title, targetDate: m.targetDate });
    }
    const f = record.series.projectFinish;
    finish.push({ ...base, p50: f.p50, p80: f.p80, onTimeProbability: f.onTimeProbability });
  }
  const shown =
    current ??
    [...latest.values()].sort((a, b) => compare(a.targetDate, b.targetDate) || compare(a.title, b.title));
  return {
    method,
    milestones: shown.map((m) => ({ ...m, ...series(points.get(m.id) ?? []) })),
    projectFinish: series(finish),
  };
}

function series(points: Point[]): Series {
  return { points, trend: p80Trend(points) };
}

/**
 * The latest P80 against the P80 of the last review point before it, in working days (positive:
 * later); null when no review came before the latest point.
 */
export function p80Trend(points: readonly Point[]): Trend | null {
  const last = points.at(-1);
  if (!last) return null;
  for (let k = points.length - 2; k >= 0; k--) {
    const review = points[k];
    if (review.reason !== "review") continue;
    const workingDays = toWorkIndex(last.p80) - toWorkIndex(review.p80);
    return {
      sinceReviewOn: review.on,
      fromP80: review.p80,
      toP80: last.p80,
      workingDays,
      direction: workingDays > 0 ? "later" : workingDays < 0 ? "earlier" : "unchanged",
    };
  }
  return null;
}

/** "P80 moved 9 working days later since the last review", or "P80 unchanged since the last review". */
export function trendSentence(trend: Trend): string {
  if (trend.direction === "unchanged") return "P80 unchanged since the last review";
  const days = Math.abs(trend.workingDays);
  return `P80 moved ${days} working ${days === 1 ? "day" : "days"} ${trend.direction} since the last review`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
