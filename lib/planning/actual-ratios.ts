// A done feature's actual over its estimate, the one sample that estimate accuracy summarises and
// the forecast from history resamples. Pure; O(skills) per feature.
//
// The estimate in working days is what the Monte-Carlo forecast expects of the feature: it draws
// hours H from the three-point estimate and takes planned days x H / likely (forecast.ts), so its
// mean duration is planned days x PERT mean / likely, PERT mean = (o + 4m + p) / 6. A feature with
// no estimate (or likely 0) keeps its planned days, as in the forecast. The ratio is actual working
// days (actual start..finish, both counted) over that: 2 means it took twice what was expected.

import { toDayNumber, workIndexOnOrAfter } from "./calendar";
import { plannedDurationDays } from "./schedule";

export interface ThreePointEstimate {
  optimisticHours: number;
  likelyHours: number;
  pessimisticHours: number;
}

/** A feature as the learning needs it: its plan, estimate, owner and main skill. */
export interface PlannedFeature {
  id: string;
  startDate: string;
  endDate: string;
  estimate: ThreePointEstimate | null;
  /** The person who estimated it (api.md: the owner). */
  ownerId: string | null;
  skills: readonly { skillId: string; hours: number }[];
}

export interface DoneFeature extends PlannedFeature {
  roadmapId: string;
  title: string;
  actualStart: string | null;
  actualFinish: string | null;
  /** Sum of its time entries; null when none were logged. */
  loggedHours: number | null;
}

export interface RatioSample {
  feature: DoneFeature;
  /** Working days the estimate stood for. */
  estimatedDays: number;
  actualDays: number;
  ratio: number;
  /** Logged hours over PERT mean hours; null without logged hours or a positive mean. */
  hoursRatio: number | null;
  skillId: string | null;
  ownerId: string | null;
}

export function pertMeanHours(estimate: ThreePointEstimate): number {
  const { optimisticHours: o, likelyHours: m, pessimisticHours: p } = estimate;
  return (o + 4 * m + p) / 6;
}

/** What the forecast expects the feature to take, in working days (see the file comment). */
export function estimatedDays(feature: PlannedFeature): number {
  const planned = plannedDurationDays({ ...feature, kind: "feature" });
  const e = feature.estimate;
  if (!e || !(e.likelyHours > 0)) return planned;
  return (planned * pertMeanHours(e)) / e.likelyHours;
}

/** Working days from start to finish, both counted; at least 1 (a weekend-only span is a day). */
export function actualWorkingDays(actualStart: string, actualFinish: string): number {
  const start = toDayNumber(actualStart);
  const finish = toDayNumber(actualFinish);
  return Math.max(1, workIndexOnOrAfter(finish + 1) - workIndexOnOrAfter(start));
}

/** The skill with the most hours (the first listed on a tie); null with no skill hours. */
export function mainSkill(skills: PlannedFeature["skills"]): string | null {
  let best: string | null = null;
  let most = 0;
  for (const { skillId, hours } of skills) {
    if (hours > most) {
      best = skillId;
      most = hours;
    }
  }
  return best;
}

/**
 * The sample of each done feature that has both actual dates in order and an estimate (a feature
 * that was never estimated cannot tell how good estimates are). Others are left out.
 */
export function ratioSamples(features: readonly DoneFeature[]): RatioSample[] {
  const out: RatioSample[] = [];
  for (const feature of features) {
    const { actualStart, actualFinish, estimate } = feature;
    if (!actualStart || !actualFinish || !estimate || actualFinish < actualStart) continue;
    const expected = estimatedDays(feature);
    const actual = actualWorkingDays(actualStart, actualFinish);
    const mean = pertMeanHours(estimate);
    out.push({
      feature,
      estimatedDays: expected,
      actualDays: actual,
      ratio: actual / expected,
      hoursRatio:
        feature.loggedHours !== null && feature.loggedHours > 0 && mean > 0
          ? feature.loggedHours / mean
          : null,
      skillId: mainSkill(feature.skills),
      ownerId: feature.ownerId,
    });
  }
  return out;
}
