import type { Database } from "@/db/types";
import { createForecast, CycleError } from "@/lib/planning/forecast";
import {
  createHistoryForecast,
  isNotEnoughHistory,
  namedPertResult,
  type ForecastWithMethodResult,
  type HistoryForecastInput,
} from "@/lib/planning/history-sampler";
import type { ForecastMethod, ForecastWithMethod } from "@/lib/validation/learning";
import type { Forecast, Risk } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadBoard, type BoardContent } from "@/lib/services/roadmaps/board";
import { AppError } from "@/lib/services/kernel/errors";
import { withForecastSlot } from "./slots";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRisks } from "@/lib/services/risks/rows";
import { sharedWorkCache } from "@/lib/services/kernel/shared-work";
import { historyStamp, loadDoneFeatures } from "@/lib/services/learning/done-features";
import { utcDate } from "@/lib/services/reviews/cadence";
import { yieldToEventLoop } from "@/lib/services/kernel/event-loop";

/**
 * Work per chunk before yielding to the event loop. A request that needs a few database round trips
 * waits up to a chunk of each running forecast per round trip, so chunks stay short: at 10 ms and
 * two forecasts at once, GET /api/me stays well under 200 ms while forecasts run.
 */
const CHUNK_BUDGET_MS = 10;
/**
 * The first chunk's runs, before the speed is known: few, as a run of a 10,000-item roadmap takes
 * a few milliseconds (100 runs held the event loop for 250-400 ms); later chunks size themselves.
 */
const FIRST_CHUNK_RUNS = 5;
const CACHE_ENTRIES = 20;

/**
 * Forecasts by (roadmap, its change sequence number, method, runs, seed), and for the forecast from
 * history the team's history stamp. Every change to a roadmap moves its sequence number (and every
 * change to the team's done features its stamp), so an entry can never be stale: a changed roadmap
 * simply has a new key, and the old entry ages out.
 */
const cache = sharedWorkCache<ForecastWithMethod>(CACHE_ENTRIES);

export interface ForecastOptions {
  runs: number;
  seed: number;
  method?: ForecastMethod;
}

/** A forecast to step in chunks: PERT's or history's, answering with its method named. */
interface Runner {
  step(runs: number): void;
  readonly done: number;
  result(): ForecastWithMethodResult;
}

/** For tests: forget every cached forecast. */
export function clearForecastCache(): void {
  cache.clear();
}

/** The runner of `method` for this input; 422 not_enough_history, 422 dependency_cycle. */
function prepare(input: HistoryForecastInput, method: ForecastMethod): Runner {
  try {
    if (method === "pert") {
      const pert = createForecast(input);
      return {
        step: (runs) => pert.step(runs),
        get done() {
          return pert.done;
        },
        result: () => namedPertResult(pert.result()),
      };
    }
    const history = createHistoryForecast(input);
    if (isNotEnoughHistory(history)) {
      throw new AppError(
        "not_enough_history",
        `A forecast from history needs at least ${history.required} done features with actual dates and an estimate; this team has ${history.samples}. Use method=pert until then.`,
        { details: { samples: history.samples, required: history.required } },
      );
    }
    return history;
  } catch (error) {
    // The write paths refuse cycles; one here means data arrived around them (e.g. a raw import).
    if (error instanceof CycleError) {
      throw new AppError(
        "dependency_cycle",
        "The roadmap's dependencies form a loop, so it cannot be forecast; remove one of the links named.",
        { details: { cycle: error.cycle } },
      );
    }
    throw error;
  }
}

/**
 * Runs the simulation in chunks of about CHUNK_BUDGET_MS, yielding between them, so that a
 * 100,000-run forecast never blocks the server; chunk sizes adapt to the measured speed. Stops at
 * the next chunk once `signal` aborts (everyone who asked for it has gone).
 */
async function simulate(
  input: HistoryForecastInput,
  method: ForecastMethod,
  signal: AbortSignal,
): Promise<ForecastWithMethod> {
  const started = performance.now();
  // Reading the board and mapping it to this input (tens of ms at 10,000 items) ran just before.
  await yieldToEventLoop();
  signal.throwIfAborted();
  const forecast = prepare(input, method);
  // Preparing the network is itself tens of ms at 10,000 items: the event loop runs before the
  // first chunk, not after both.
  await yieldToEventLoop();
  signal.throwIfAborted();
  let chunk = Math.min(FIRST_CHUNK_RUNS, input.runs);
  while (forecast.done < input.runs) {
    const runs = Math.min(chunk, input.runs - forecast.done);
    const t0 = performance.now();
    forecast.step(runs);
    const took = performance.now() - t0;
    const perRun = Math.max(took, 0.01) / runs;
    chunk = Math.max(1, Math.floor(CHUNK_BUDGET_MS / perRun));
    if (forecast.done < input.runs) {
      await yieldToEventLoop();
      signal.throwIfAborted();
    }
  }
  const result = forecast.result();
  return { ...result, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
}

/**
 * The simulation's input from the live board: cut items and their links are out, as in the
 * schedule. The items carry what the forecast from history also needs (owner, skills, remaining
 * hours); `history` is the team's done features, empty for PERT, which never reads it.
 */
function forecastInput(
  board: Pick<BoardContent, "roadmap" | "items" | "dependencies">,
  risks: Risk[],
  options: { runs: number; seed: number },
  history: HistoryForecastInput["history"] = [],
): HistoryForecastInput {
  const live = board.items.filter((i) => i.status !== "cut");
  const ids = new Set(live.map((i) => i.id));
  return {
    projectStart: board.roadmap.startDate,
    items: live.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      isKey: i.isKey,
      startDate: i.startDate,
      endDate: i.endDate,
      status: i.status,
      estimate: i.estimate,
      ownerId: i.ownerId,
      skills: i.skills,
      remainingHours: i.remainingHours,
    })),
    dependencies: board.dependencies
      .filter((d) => ids.has(d.fromId) && ids.has(d.toId))
      .map((d) => ({ fromId: d.fromId, toId: d.toId, lagDays: d.lagDays })),
    risks: risks
      .filter((r) => r.status !== "closed")
      .map((r) => ({
        id: r.id,
        likelihood: r.likelihood,
        status: r.status,
        delayDays: r.delayDays,
        itemIds: r.itemIds.filter((id) => ids.has(id)),
      })),
    runs: options.runs,
    seed: options.seed,
    history,
    today: utcDate(new Date()),
  };
}

/**
 * The cached forecast of (roadmap, seq, method, history stamp, runs, seed), or one computed from what
 * `load` answers once a slot of the forecast limit is free (identical requests share the wait and
 * the run). A request that passes its `signal` and goes away stops waiting; the run stops when
 * nobody waits for it any more.
 */
function cachedForecast(
  key: { roadmapId: string; seq: number; method: ForecastMethod; stamp?: string },
  options: { runs: number; seed: number },
  load: () => Promise<HistoryForecastInput>,
  signal?: AbortSignal,
): Promise<ForecastWithMethod> {
  const text = [key.roadmapId, key.seq, key.method, key.stamp ?? "", options.runs, options.seed].join(":");
  return cache.get(text, signal, (stop) =>
    withForecastSlot(options.runs, stop, async () => simulate(await load(), key.method, stop)),
  );
}

/** A PERT answer as the Forecast the dashboards and scenario comparison embed (no method name). */
function asPertForecast({ method, ...rest }: ForecastWithMethod): Forecast {
  return { ...rest, method: { durations: "pert-beta", riskProbabilities: method.riskProbabilities } };
}

/**
 * The PERT forecast of a board already loaded (by a caller that checked access, or needs none), from
 * the same cache as getForecast: the board's seq is the one its roadmap row had when it was read.
 */
export async function forecastBoard(
  board: Pick<BoardContent, "roadmap" | "seq" | "items" | "dependencies">,
  risks: Risk[],
  options: { runs: number; seed: number },
): Promise<Forecast> {
  const key = { roadmapId: board.roadmap.id, seq: board.seq, method: "pert" as const };
  return asPertForecast(await cachedForecast(key, options, async () => forecastInput(board, risks, options)));
}

/**
 * The Monte-Carlo forecast of a roadmap as it is now, by PERT (the default) or from the team's
 * history. A repeated read of an unchanged roadmap with the same method, runs and seed answers from
 * memory, with the elapsedMs of the run that computed it. A new one waits for a slot of the
 * forecast limit (lib/services/forecast/slots.ts): 503 when the queue is full.
 */
export async function getForecast(
  db: Database,
  actor: Actor,
  roadmapId: string,
  options: ForecastOptions,
  signal?: AbortSignal,
): Promise<ForecastWithMethod> {
  // The sequence number is read before the board, so a cached answer is never older than its key.
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return roadmapForecast(db, roadmap, options, signal);
}

/** getForecast for a caller that has checked access (the forecast records). */
export async function roadmapForecast(
  db: Database,
  roadmap: RoadmapRow,
  options: ForecastOptions,
  signal?: AbortSignal,
): Promise<ForecastWithMethod> {
  const method = options.method ?? "pert";
  // History's answer also hangs on the team's other roadmaps and on today (remaining work resumes today).
  const stamp =
    method === "history" ? `${await historyStamp(db, roadmap.teamId)}:${utcDate(new Date())}` : undefined;
  return cachedForecast(
    { roadmapId: roadmap.id, seq: roadmap.seq, method, stamp },
    options,
    async () => {
      const [board, risks, history] = await Promise.all([
        loadBoard(db, roadmap),
        loadRisks(db, roadmap.id),
        method === "history" ? loadDoneFeatures(db, roadmap.teamId) : [],
      ]);
      return forecastInput(board, risks, options, history);
    },
    signal,
  );
}
