// Calibration of the forecast (issue #18, 4): for each milestone reached, the P80 the recorded
// forecasts gave before it was reached, and whether it held. A P80 is a promise that holds four
// times out of five; this is the check. Pure; O(records x milestones).
//
// - A record counts for a milestone when it was made before the day the milestone was reached
//   (recordedOn < reachedOn) and names it; it held when reachedOn <= its P80.
// - Per method, two tallies: every recorded P80 ("predictions", a long-running milestone weighs
//   more, as it was promised more often), and one per milestone judged by its first recorded P80
//   ("milestones", the promise made furthest ahead), which the page's sentence uses.

import type { ForecastMethod, ForecastRecordReason, ForecastRecordSeries } from "../validation/learning";
import { FORECAST_METHODS } from "../validation/learning-kinds";

export interface ForecastRecord {
  /** Orders records of the same day. */
  recordedAt: string;
  recordedOn: string;
  reason: ForecastRecordReason;
  method: ForecastMethod;
  series: ForecastRecordSeries;
}

export interface ReachedMilestone {
  id: string;
  title: string;
  /** Its actual finish, else its date: the day it was marked done. */
  reachedOn: string;
}

export interface CalibrationPoint {
  recordedOn: string;
  reason: ForecastRecordReason;
  p80: string;
  held: boolean;
}

export interface MilestoneCalibration {
  milestoneId: string;
  title: string;
  reachedOn: string;
  method: ForecastMethod;
  /** Oldest first. */
  points: CalibrationPoint[];
}

export interface MethodCalibration {
  method: ForecastMethod;
  predictions: number;
  predictionsHeld: number;
  milestones: number;
  /** Milestones reached by the first P80 recorded for them. */
  milestonesHeld: number;
}

export interface Calibration {
  /** One per method, in FORECAST_METHODS order, zeros when nothing was recorded. */
  methods: MethodCalibration[];
  /** Milestones with at least one point, per method. */
  milestones: MilestoneCalibration[];
}

export function calibrate(
  records: readonly ForecastRecord[],
  reached: readonly ReachedMilestone[],
): Calibration {
  const ordered = [...records].sort((a, b) => compareText(a.recordedAt, b.recordedAt));
  const milestones: MilestoneCalibration[] = [];
  const methods = FORECAST_METHODS.map((method) => ({
    method,
    predictions: 0,
    predictionsHeld: 0,
    milestones: 0,
    milestonesHeld: 0,
  }));
  for (const tally of methods) {
    for (const milestone of reached) {
      const points: CalibrationPoint[] = [];
      for (const record of ordered) {
        if (record.method !== tally.method || record.recordedOn >= milestone.reachedOn) continue;
        const said = record.series.milestones.find((m) => m.milestoneId === milestone.id);
        if (!said) continue;
        points.push({
          recordedOn: record.recordedOn,
          reason: record.reason,
          p80: said.p80,
          held: milestone.reachedOn <= said.p80,
        });
      }
      if (points.length === 0) continue;
      milestones.push({
        milestoneId: milestone.id,
        title: milestone.title,
        reachedOn: milestone.reachedOn,
        method: tally.method,
        points,
      });
      tally.predictions += points.length;
      tally.predictionsHeld += points.filter((p) => p.held).length;
      tally.milestones++;
      if (points[0].held) tally.milestonesHeld++;
    }
  }
  return { methods, milestones };
}

/** "our P80 dates have held 7 times out of 9", or null with nothing to judge yet. */
export function calibrationSentence(tally: MethodCalibration): string | null {
  if (tally.milestones === 0) return null;
  const held = tally.milestonesHeld;
  return `Our P80 dates have held ${held} ${held === 1 ? "time" : "times"} out of ${tally.milestones}.`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
