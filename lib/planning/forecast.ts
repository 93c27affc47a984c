// The Monte-Carlo forecast of api.md ("GET /api/roadmaps/:id/forecast"): estimates and risks turned
// into P50/P80/P95 dates per milestone, the chance of making each target date, and how often each
// item drives the finish. Seeded and deterministic; O(runs x (items + dependencies)) after one
// O(items + dependencies) preparation.

import type { Forecast } from "../validation/resources";
import { fromWorkIndex } from "./calendar";
import { IntegerHistogram } from "./histogram";
import { prepareForecastNetwork, type ForecastInput, type PreparedForecastNetwork } from "./forecast-network";
import { SeededRandom } from "./random";

export { CycleError } from "./graph";

export type ForecastResult = Omit<Forecast, "elapsedMs">;

/**
 * The chance, per run, that an open risk of each likelihood (1-5) happens: the midpoints of the
 * bands most 5-point risk matrices give their words (rare < 10%, unlikely 10-30%, possible 30-50%,
 * likely 50-80%, almost certain > 80%). A risk being mitigated counts half.
 */
export const RISK_PROBABILITY: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = Object.freeze({
  1: 0.05,
  2: 0.2,
  3: 0.4,
  4: 0.65,
  5: 0.9,
});

/** The factor on a risk's probability while it is being mitigated. */
export const MITIGATING_FACTOR = 0.5;

/** The cumulative curve of each milestone is cut to about this many points. */
export const DISTRIBUTION_POINTS = 60;

// A run's dates are sums of fractional days; a finish a few ulps past a whole day is that day.
const WHOLE_DAY_TOLERANCE = 1e-9;

/** A run's draw of the durations of the items still to do; done items keep their plan. */
export type DurationDraw = (rng: SeededRandom, duration: Float64Array) => void;

/**
 * How a forecast draws durations: prepared once per forecast from the network. It may move the
 * floors (a copy of net.floor) of items, e.g. work in progress that resumes today.
 */
export interface DurationStrategy {
  prepare(net: PreparedForecastNetwork, floor: Float64Array): DurationDraw;
}

/** The default: each estimated feature's hours from PERT-beta(o, m, p), as the model below says. */
export const pertDurations: DurationStrategy = {
  prepare({ estimates }) {
    return (rng, duration) => {
      for (let e = 0; e < estimates.item.length; e++) {
        const x = rng.beta(estimates.alphaD[e], estimates.alphaC[e], estimates.betaD[e], estimates.betaC[e]);
        duration[estimates.item[e]] = estimates.daysPerHour[e] * (estimates.low[e] + x * estimates.range[e]);
      }
    };
  },
};

export interface ForecastRunner {
  /** Runs up to `runs` more simulations (never past input.runs). */
  step(runs: number): void;
  /** Simulations run so far. */
  readonly done: number;
  /** The forecast over the runs done so far; throws RangeError before the first run. */
  result(): ForecastResult;
}

/**
 * The model, one run:
 * - Cut items and every dependency touching one are left out; risks naming them ignore them.
 * - A feature's planned duration is its working days start..end (at least 1). With an estimate
 *   (optimistic o, likely m, pessimistic p hours) the run draws hours H from PERT-beta(o, m, p) =
 *   o + (p - o) Beta(1 + 4(m - o)/(p - o), 1 + 4(p - m)/(p - o)), Beta from two Marsaglia-Tsang
 *   Gamma draws, and the duration becomes planned x H / m. o == p, or m == 0, keeps the plan.
 * - Each open risk happens with RISK_PROBABILITY[likelihood] (mitigating: half that, closed:
 *   never) and then adds its delayDays to every linked item (a milestone is pushed by them).
 * - Done items keep their planned dates and are neither drawn nor delayed nor pushed.
 * - An item starts at the later of its planned start (no earlier than the roadmap start) and each
 *   predecessor's finish plus lag: the plan as drawn, pushed by dependencies (runProjection). A
 *   milestone is reached when its predecessors finish (plus lag), or on its own date when it has
 *   none.
 * - Times stay fractional working days; a finish at t lands on working day ceil(t) - 1.
 * - The project finish is the latest finish. An item is critical in a run when it lies on a
 *   zero-slack chain to that finish: it finishes at the finish, or it finishes exactly when a
 *   critical successor (not done) starts, less lag. The criticality index is the share of runs.
 * Percentiles are nearest-rank over the runs; onTimeProbability is the share of runs in which a
 * milestone is reached on or before its own date.
 *
 * Another DurationStrategy replaces the PERT-beta draw (history-sampler.ts); the rest stays.
 *
 * Throws RangeError on invalid dates, unknown or duplicate ids, fractional lags, a likelihood
 * outside 1-5, a negative delay or estimate, and CycleError when the dependencies form a cycle.
 */
export function createForecast(
  input: ForecastInput,
  durations: DurationStrategy = pertDurations,
): ForecastRunner {
  const totalRuns = input.runs;
  if (!Number.isInteger(totalRuns) || totalRuns < 1) {
    throw new RangeError(`runs must be a whole number of at least 1, got ${totalRuns}`);
  }
  const net = prepareForecastNetwork(input, RISK_PROBABILITY, MITIGATING_FACTOR);
  const rng = new SeededRandom(input.seed);
  const { size, order, succStart, succTo, succLag, fixed, plannedDuration } = net;
  const floor = Float64Array.from(net.floor);
  const drawDurations = durations.prepare(net, floor);

  const duration = new Float64Array(size);
  const start = new Float64Array(size);
  const end = new Float64Array(size);
  const critical = new Uint8Array(size);
  const criticalRuns = new Int32Array(size);
  const milestoneHistograms = Array.from(net.milestones, () => new IntegerHistogram());
  const finishHistogram = new IntegerHistogram();
  let done = 0;

  function simulate(): void {
    duration.set(plannedDuration);
    drawDurations(rng, duration);
    const { risks } = net;
    for (let r = 0; r < risks.probability.length; r++) {
      if (rng.uniform() >= risks.probability[r]) continue;
      const delay = risks.delay[r];
      for (let k = risks.itemStart[r]; k < risks.itemStart[r + 1]; k++) duration[risks.item[k]] += delay;
    }

    start.set(floor);
    let finish = -Infinity;
    for (let k = 0; k < size; k++) {
      const v = order[k];
      if (fixed[v] === 1) start[v] = floor[v]; // done: predecessors do not move it
      const f = start[v] + duration[v];
      end[v] = f;
      if (f > finish) finish = f;
      for (let s = succStart[v]; s < succStart[v + 1]; s++) {
        const next = f + succLag[s];
        if (next > start[succTo[s]]) start[succTo[s]] = next;
      }
    }

    // Backward: the same float expressions as the forward pass, so a binding link compares equal.
    for (let k = size - 1; k >= 0; k--) {
      const v = order[k];
      let onPath = end[v] === finish;
      for (let s = succStart[v]; !onPath && s < succStart[v + 1]; s++) {
        const w = succTo[s];
        onPath = critical[w] === 1 && fixed[w] === 0 && end[v] + succLag[s] === start[w];
      }
      critical[v] = onPath ? 1 : 0;
      if (onPath) criticalRuns[v]++;
    }

    for (let j = 0; j < milestoneHistograms.length; j++) {
      milestoneHistograms[j].add(wholeDays(end[net.milestones[j].index]));
    }
    // An empty roadmap finishes on its first working day, as the schedule says.
    finishHistogram.add(size === 0 ? 1 : wholeDays(finish));
  }

  return {
    step(runs: number): void {
      if (!Number.isInteger(runs) || runs < 0) {
        throw new RangeError(`step needs a whole number of runs, got ${runs}`);
      }
      const until = Math.min(totalRuns, done + runs);
      while (done < until) {
        simulate();
        done++;
      }
    },
    get done() {
      return done;
    },
    result(): ForecastResult {
      if (done === 0) throw new RangeError("the forecast has no runs yet: call step() first");
      return summarise(input, net, done, milestoneHistograms, finishHistogram, criticalRuns);
    },
  };
}

/** createForecast(input, durations), all of input.runs, and its result. */
export function runForecast(input: ForecastInput, durations?: DurationStrategy): ForecastResult {
  const forecast = createForecast(input, durations);
  forecast.step(input.runs);
  return forecast.result();
}

/** A finish at fractional offset t, as the exclusive whole-day offset: ceil(t). */
function wholeDays(t: number): number {
  return Math.ceil(t - WHOLE_DAY_TOLERANCE);
}

function summarise(
  input: ForecastInput,
  net: PreparedForecastNetwork,
  runs: number,
  milestoneHistograms: IntegerHistogram[],
  finishHistogram: IntegerHistogram,
  criticalRuns: Int32Array,
): ForecastResult {
  const dates = new Map<number, string>();
  // An exclusive whole-day offset c is reached on working day c - 1.
  const dateOf = (c: number): string => {
    let date = dates.get(c);
    if (date === undefined) {
      date = fromWorkIndex(net.origin + c - 1);
      dates.set(c, date);
    }
    return date;
  };
  const percentiles = (h: IntegerHistogram) => ({
    p50: dateOf(h.percentile(50)),
    p80: dateOf(h.percentile(80)),
    p95: dateOf(h.percentile(95)),
  });

  return {
    runs,
    seed: input.seed,
    method: {
      durations: "pert-beta",
      riskProbabilities: Object.fromEntries(Object.entries(RISK_PROBABILITY)),
    },
    projectFinish: percentiles(finishHistogram),
    milestones: net.milestones.map((m, j) => {
      const h = milestoneHistograms[j];
      const item = net.items[m.index];
      return {
        id: item.id,
        title: item.title,
        isKey: item.isKey,
        targetDate: item.startDate,
        ...percentiles(h),
        onTimeProbability: h.countAtMost(m.target) / runs,
        distribution: h
          .cumulative(DISTRIBUTION_POINTS)
          .map((p) => ({ date: dateOf(p.value), cumulative: p.count / runs })),
      };
    }),
    items: net.items.map((item, i) => ({ id: item.id, criticalityIndex: criticalRuns[i] / runs })),
  };
}
