// The forecast from history (api.md "GET /api/roadmaps/:id/forecast?method=history"), after
// Evidence-Based Scheduling: each remaining feature's duration is what its estimate stood for
// (actual-ratios.ts: planned days x PERT mean / likely) times an actual/estimate ratio drawn, with
// replacement, from the team's own done features. The rest of the Monte-Carlo (risks, links, done
// items, percentiles) is forecast.ts's. Seeded like it; O(features) preparation, O(1) per draw.
//
// - Whose ratios: the owner's when they have at least MIN_HISTORY_SAMPLES, else the main skill's
//   when it has that many, else the team's. Under MIN_HISTORY_SAMPLES usable done features in all,
//   there is no forecast but a NotEnoughHistory with the count.
// - Work in progress with remaining hours: the rest of the work starts on the first working day on
//   or after `today` (or its planned start, if later) and takes remaining hours converted at the
//   feature's own planned rate, planned days / likely hours, the rate the PERT forecast uses; with
//   no usable estimate, at one focused person's day (capacity.ts: 32 h a week / 5 = 6.4 h). The
//   ratio applies to it too: re-estimates of what is left are estimates like any other.
// - Features without an estimate take their planned days times the ratio.
// - Done and cut items, and milestones, are never drawn (as in the PERT forecast).

import type { ForecastWithMethod, HistorySamples } from "../validation/learning";
import { MIN_HISTORY_SAMPLES } from "../validation/learning";
import { estimatedDays, mainSkill, ratioSamples, type DoneFeature, type RatioSample } from "./actual-ratios";
import { toWorkIndex } from "./calendar";
import { UNPLANNED_PERSON_HOURS_PER_WEEK } from "./capacity";
import { createForecast, type DurationStrategy, type ForecastResult, type ForecastRunner } from "./forecast";
import type { ForecastInput } from "./forecast-network";
import { plannedDurationDays } from "./schedule";

/** Hours one focused person does in a working day, for remaining hours of unestimated work. */
export const HOURS_PER_FOCUSED_DAY = UNPLANNED_PERSON_HOURS_PER_WEEK / 5;

export type HistoryLevel = "person" | "skill" | "team";

type ForecastItem = ForecastInput["items"][number];

export interface HistoryForecastItem extends ForecastItem {
  ownerId: string | null;
  skills: readonly { skillId: string; hours: number }[];
  /** Hours left of work in progress, when someone said. */
  remainingHours: number | null;
}

export interface HistoryForecastInput extends ForecastInput {
  items: HistoryForecastItem[];
  /** The team's done features across its roadmaps. */
  history: readonly DoneFeature[];
  /** YYYY-MM-DD: when remaining work resumes. */
  today: string;
}

export interface NotEnoughHistory {
  kind: "not_enough_history";
  /** Usable done features (actual dates and an estimate). */
  samples: number;
  required: number;
}

export type ForecastWithMethodResult = Omit<ForecastWithMethod, "elapsedMs">;

/** The team's ratios, and each person's and skill's (ascending, so results never hang on order). */
export interface RatioPools {
  team: Float64Array;
  person: ReadonlyMap<string, Float64Array>;
  skill: ReadonlyMap<string, Float64Array>;
}

export function ratioPools(samples: readonly RatioSample[]): RatioPools {
  const person = new Map<string, number[]>();
  const skill = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string | null, ratio: number) => {
    if (key === null) return;
    const list = map.get(key);
    if (list) list.push(ratio);
    else map.set(key, [ratio]);
  };
  for (const s of samples) {
    push(person, s.ownerId, s.ratio);
    push(skill, s.skillId, s.ratio);
  }
  const sorted = (map: Map<string, number[]>) =>
    new Map([...map].map(([key, list]) => [key, Float64Array.from(list).sort()]));
  return {
    team: Float64Array.from(samples, (s) => s.ratio).sort(),
    person: sorted(person),
    skill: sorted(skill),
  };
}

/** The ratios a feature's duration is drawn from, and whose they are. */
export function poolFor(
  pools: RatioPools,
  feature: { ownerId: string | null; skills: HistoryForecastItem["skills"] },
  minSamples = MIN_HISTORY_SAMPLES,
): { level: HistoryLevel; ratios: Float64Array } {
  const own = feature.ownerId === null ? undefined : pools.person.get(feature.ownerId);
  if (own && own.length >= minSamples) return { level: "person", ratios: own };
  const skillId = mainSkill(feature.skills);
  const bySkill = skillId === null ? undefined : pools.skill.get(skillId);
  if (bySkill && bySkill.length >= minSamples) return { level: "skill", ratios: bySkill };
  return { level: "team", ratios: pools.team };
}

/** Working days the work still to do stands for, before a ratio: see the file comment. */
export function remainingDays(item: HistoryForecastItem): number {
  const hours = item.remainingHours!;
  const likely = item.estimate?.likelyHours ?? 0;
  return likely > 0 ? (hours * plannedDurationDays(item)) / likely : hours / HOURS_PER_FOCUSED_DAY;
}

/**
 * The strategy for createForecast: per drawn feature, base days x a ratio picked uniformly from its
 * pool. `drawnFrom` is filled in by prepare().
 */
export function historyDurations(
  input: Pick<HistoryForecastInput, "items" | "today">,
  pools: RatioPools,
  drawnFrom: Record<HistoryLevel, number>,
): DurationStrategy {
  const byId = new Map(input.items.map((item) => [item.id, item]));
  return {
    prepare(net, floor) {
      const today = toWorkIndex(input.today) - net.origin;
      const target: number[] = [];
      const base: number[] = [];
      const pool: Float64Array[] = [];
      for (let i = 0; i < net.size; i++) {
        const item = byId.get(net.items[i].id)!;
        if (item.kind !== "feature" || net.fixed[i] === 1) continue;
        const resumes = item.status === "in_progress" && item.remainingHours !== null;
        if (resumes) floor[i] = Math.max(floor[i], today);
        const { level, ratios } = poolFor(pools, item);
        drawnFrom[level]++;
        target.push(i);
        base.push(resumes ? remainingDays(item) : estimatedDays(item));
        pool.push(ratios);
      }
      return (rng, duration) => {
        for (let k = 0; k < target.length; k++) {
          const ratios = pool[k];
          // uniform() is in (0, 1), so the index is always within the pool.
          duration[target[k]] = base[k] * ratios[Math.floor(rng.uniform() * ratios.length)];
        }
      };
    },
  };
}

export interface HistoryForecastRunner extends Omit<ForecastRunner, "result"> {
  result(): ForecastWithMethodResult;
}

/**
 * The forecast from history, to be stepped like createForecast's (the service runs it in chunks),
 * or NotEnoughHistory. Throws as createForecast does.
 */
export function createHistoryForecast(input: HistoryForecastInput): HistoryForecastRunner | NotEnoughHistory {
  const samples = ratioSamples(input.history);
  if (samples.length < MIN_HISTORY_SAMPLES) {
    return { kind: "not_enough_history", samples: samples.length, required: MIN_HISTORY_SAMPLES };
  }
  const drawnFrom: Record<HistoryLevel, number> = { person: 0, skill: 0, team: 0 };
  const runner = createForecast(input, historyDurations(input, ratioPools(samples), drawnFrom));
  const history: HistorySamples = { samples: samples.length, drawnFrom, minSamples: MIN_HISTORY_SAMPLES };
  return {
    step: (runs) => runner.step(runs),
    get done() {
      return runner.done;
    },
    result() {
      const result = runner.result();
      return {
        ...result,
        method: { ...result.method, name: "history", durations: "history-ratio", history },
      };
    },
  };
}

/** createHistoryForecast(input), all of input.runs, and its result (or NotEnoughHistory). */
export function runHistoryForecast(input: HistoryForecastInput): ForecastWithMethodResult | NotEnoughHistory {
  const forecast = createHistoryForecast(input);
  if (isNotEnoughHistory(forecast)) return forecast;
  forecast.step(input.runs);
  return forecast.result();
}

export function isNotEnoughHistory(value: object): value is NotEnoughHistory {
  return (value as Partial<NotEnoughHistory>).kind === "not_enough_history";
}

/** A PERT forecast's answer with its method named, as the answer of method=pert gives it. */
export function namedPertResult(result: ForecastResult): ForecastWithMethodResult {
  return { ...result, method: { ...result.method, name: "pert" } };
}
