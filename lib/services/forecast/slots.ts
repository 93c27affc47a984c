import { ConcurrencyLimit } from "@/lib/services/kernel/concurrency-limit";
import { AppError } from "@/lib/services/kernel/errors";

/**
 * How many Monte-Carlo forecasts this process computes at once, and how many wait. The simulation
 * runs on the one JavaScript thread in time-sliced chunks, so computing two at once does not finish
 * them sooner than one after the other: the limit exists to keep the event loop free for everyone
 * else, and to turn a flood into a queue of bounded length instead of unbounded work and memory.
 *
 * Two lanes of one slot each (so at most two at once): forecasts of up to SMALL_FORECAST_RUNS runs
 * (dashboards, scenario compare, the forecast page's default) and larger ones. A member asking for
 * twelve 100,000-run forecasts queues behind themself, while a dashboard's 2,000-run forecast is
 * never stuck behind them.
 */
export const SMALL_FORECAST_RUNS = 10_000;

interface LaneSettings {
  name: "small" | "large";
  max: number;
  maxQueued: number;
  /** A first guess at one forecast's duration, until some have been measured. */
  typicalMs: number;
}

const LANES: readonly LaneSettings[] = [
  { name: "small", max: 1, maxQueued: 32, typicalMs: 500 },
  { name: "large", max: 1, maxQueued: 16, typicalMs: 5_000 },
];

/** Retry-After is an estimate; past this it tells a client nothing useful. */
const MAX_RETRY_AFTER_SECONDS = 300;

class Lane {
  readonly limit: ConcurrencyLimit;
  private averageMs: number;

  constructor(readonly settings: LaneSettings) {
    this.averageMs = settings.typicalMs;
    this.limit = new ConcurrencyLimit(settings.max, settings.maxQueued, () => this.busy());
  }

  /** 503 rather than 429: the caller did nothing wrong, the server's capacity is what ran out. */
  private busy(): AppError {
    const waitMs = ((this.limit.active + this.limit.queued) * this.averageMs) / this.limit.max;
    const seconds = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(waitMs / 1000)));
    return new AppError(
      "service_busy",
      `The server is busy: ${this.limit.queued} forecasts are already waiting to be computed. Try again in about ${seconds} seconds, or ask for fewer runs.`,
      { retryAfterSeconds: seconds, details: { queued: this.limit.queued } },
    );
  }

  /** Remembers how long a forecast took, so that Retry-After follows the real pace. */
  record(ms: number) {
    this.averageMs = 0.7 * this.averageMs + 0.3 * ms;
  }
}

const lanes = LANES.map((settings) => new Lane(settings));
const counters = { computations: 0, peakComputing: 0 };

/** What the limiter is doing now, and since start: for tests and operators. */
export function forecastLoad() {
  const computing = lanes.reduce((n, lane) => n + lane.limit.active, 0);
  return {
    computing,
    queued: lanes.reduce((n, lane) => n + lane.limit.queued, 0),
    /** The most forecasts ever computed at once; never above the sum of the lanes' slots. */
    peakComputing: counters.peakComputing,
    /** Forecasts computed (or started): a cache hit or a shared run does not count. */
    computations: counters.computations,
    maxComputing: lanes.reduce((n, lane) => n + lane.limit.max, 0),
    lanes: Object.fromEntries(
      lanes.map((lane) => [
        lane.settings.name,
        {
          active: lane.limit.active,
          queued: lane.limit.queued,
          max: lane.limit.max,
          maxQueued: lane.limit.maxQueued,
        },
      ]),
    ),
  };
}

/** For tests: start the counters again (the lanes must be idle). */
export function resetForecastLoad(): void {
  counters.computations = 0;
  counters.peakComputing = 0;
}

/**
 * Runs one forecast computation in its lane once a slot is free; `signal` aborting takes it out of
 * the queue (or, for a running one, `compute` stops at its next chunk). Past the lane's queue: 503.
 */
export function withForecastSlot<T>(
  runs: number,
  signal: AbortSignal,
  compute: () => Promise<T>,
): Promise<T> {
  const lane = lanes[runs <= SMALL_FORECAST_RUNS ? 0 : 1];
  return lane.limit.run(async () => {
    counters.computations++;
    counters.peakComputing = Math.max(counters.peakComputing, forecastLoad().computing);
    const started = performance.now();
    const result = await compute();
    lane.record(performance.now() - started);
    return result;
  }, signal);
}
