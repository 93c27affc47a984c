// Estimate accuracy (api.md "GET /api/roadmaps/:id/estimate-accuracy"): how the team's done features
// compared with their estimates, overall and per team, main skill or owner. Pure; O(n log n) for n
// done features (one sort per group).
//
// - The sample of a feature is actual-ratios.ts's ratio: actual working days over the days its
//   estimate stood for (PERT mean). Features without actual dates or an estimate are left out.
// - Percentiles interpolate linearly between order statistics (Hyndman & Fan type 7, as numpy and
//   spreadsheets' PERCENTILE.INC): q at rank (n - 1) x q of the sorted ratios, so the median of an
//   even count is the mean of the two middle ones. Small samples (10-30 features) are the norm
//   here, and nearest-rank would jump from one feature to the next.
// - The histogram has fixed bins, so groups and teams compare bar for bar: 0.25 wide from 0 to 3,
//   then one open bin "3 or more".
// - The worst misses are furthest from 1 on a log scale: taking half the time is as far off as
//   taking twice it. Ties keep the input order.
// - A feature's skill is its main skill (most hours); its person is its owner, who estimated it.

import type { AccuracyGrouping, EstimateAccuracy } from "../validation/learning";
import { ratioSamples, type DoneFeature, type RatioSample } from "./actual-ratios";
import { IntegerHistogram } from "./histogram";

export const HISTOGRAM_BIN_WIDTH = 0.25;
export const HISTOGRAM_OPEN_FROM = 3;
export const WORST_MISSES = 5;
const OPEN_BIN = Math.round(HISTOGRAM_OPEN_FROM / HISTOGRAM_BIN_WIDTH);

export interface AccuracyInput {
  features: readonly DoneFeature[];
  by: AccuracyGrouping;
  /** Names for the groups: the team's, and its skills' and members' by id. */
  labels: { team: string; skills: ReadonlyMap<string, string>; people: ReadonlyMap<string, string> };
  worst?: number;
}

type RatioStats = Omit<EstimateAccuracy, "by" | "groups">;

export function estimateAccuracy(input: AccuracyInput): EstimateAccuracy {
  const worst = input.worst ?? WORST_MISSES;
  const samples = ratioSamples(input.features);
  const groups = new Map<string | null, RatioSample[]>();
  for (const sample of samples) {
    const key = groupKey(sample, input.by);
    const list = groups.get(key);
    if (list) list.push(sample);
    else groups.set(key, [sample]);
  }
  return {
    by: input.by,
    ...ratioStats(samples, worst),
    groups: [...groups]
      .map(([key, list]) => ({ key, label: groupLabel(key, input), ...ratioStats(list, worst) }))
      .sort((a, b) => b.samples - a.samples || a.label.localeCompare(b.label)),
  };
}

function groupKey(sample: RatioSample, by: AccuracyGrouping): string | null {
  if (by === "team") return "team";
  return by === "skill" ? sample.skillId : sample.ownerId;
}

function groupLabel(key: string | null, input: AccuracyInput): string {
  const { by, labels } = input;
  if (by === "team") return labels.team;
  if (key === null) return by === "skill" ? "No skill" : "No owner";
  const names = by === "skill" ? labels.skills : labels.people;
  return names.get(key) ?? (by === "skill" ? "Deleted skill" : "Former member");
}

export function ratioStats(samples: readonly RatioSample[], worst = WORST_MISSES): RatioStats {
  const ratios = Float64Array.from(samples, (s) => s.ratio).sort();
  const hours = Float64Array.from(
    samples.filter((s) => s.hoursRatio !== null),
    (s) => s.hoursRatio!,
  ).sort();
  return {
    samples: ratios.length,
    medianRatio: percentile(ratios, 0.5),
    p10Ratio: percentile(ratios, 0.1),
    p90Ratio: percentile(ratios, 0.9),
    hoursSamples: hours.length,
    hoursMedianRatio: percentile(hours, 0.5),
    histogram: ratioHistogram(ratios),
    worst: worstMisses(samples, worst),
  };
}

/** Type-7 percentile (0 <= q <= 1) of ascending values; null when there are none. */
export function percentile(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = (n - 1) * q;
  const below = Math.floor(rank);
  const above = Math.min(n - 1, below + 1);
  return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
}

/** Counts per fixed bin (see the file comment), every bin present. */
export function ratioHistogram(ratios: ArrayLike<number>): RatioStats["histogram"] {
  const counts = new IntegerHistogram();
  for (let i = 0; i < ratios.length; i++) {
    counts.add(Math.min(OPEN_BIN, Math.floor(ratios[i] / HISTOGRAM_BIN_WIDTH)));
  }
  const bins: RatioStats["histogram"] = [];
  let below = 0;
  for (let b = 0; b <= OPEN_BIN; b++) {
    const atMost = counts.total === 0 ? 0 : counts.countAtMost(b);
    bins.push({
      from: b * HISTOGRAM_BIN_WIDTH,
      to: b === OPEN_BIN ? null : (b + 1) * HISTOGRAM_BIN_WIDTH,
      count: atMost - below,
    });
    below = atMost;
  }
  return bins;
}

function worstMisses(samples: readonly RatioSample[], count: number): RatioStats["worst"] {
  return samples
    .map((s, i) => ({ s, i, miss: Math.abs(Math.log(s.ratio)) }))
    .sort((a, b) => b.miss - a.miss || a.i - b.i)
    .slice(0, count)
    .map(({ s }) => ({
      itemId: s.feature.id,
      roadmapId: s.feature.roadmapId,
      title: s.feature.title,
      estimatedDays: s.estimatedDays,
      actualDays: s.actualDays,
      ratio: s.ratio,
    }));
}
