import type { Database } from "@/db/types";
import { createForecast, CycleError } from "@/lib/planning/forecast";
import type { ForecastInput } from "@/lib/planning/forecast-network";
import type { Forecast, Risk } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadBoard, type BoardContent } from "@/lib/services/roadmaps/board";
import { AppError } from "@/lib/services/kernel/errors";
import { withForecastSlot } from "./slots";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { loadRisks } from "@/lib/services/risks/rows";
import { sharedWorkCache } from "@/lib/services/kernel/shared-work";

/**
 * Work per chunk before yielding to the event loop. A request that needs a few database round trips
 * waits up to a chunk of each running forecast per round trip, so chunks stay short: at 10 ms and
 * two forecasts at once, GET /api/me stays well under 200 ms while forecasts run.
 */
const CHUNK_BUDGET_MS = 10;
const FIRST_CHUNK_RUNS = 100;
const CACHE_ENTRIES = 20;

/**
 * Forecasts by (roadmap, its change sequence number, runs, seed). Every change to a roadmap moves
 * its sequence number, so an entry can never be stale: a changed roadmap simply has a new key, and
 * the old entry ages out.
 */
const cache = sharedWorkCache<Forecast>(CACHE_ENTRIES);

/** For tests: forget every cached forecast. */
export function clearForecastCache(): void {
  cache.clear();
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function prepare(input: ForecastInput) {
  try {
    return createForecast(input);
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
async function simulate(input: ForecastInput, signal: AbortSignal): Promise<Forecast> {
  const started = performance.now();
  const forecast = prepare(input);
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

/** The simulation's input from the live board: cut items and their links are out, as in the schedule. */
function forecastInput(
  board: Pick<BoardContent, "roadmap" | "items" | "dependencies">,
  risks: Risk[],
  options: { runs: number; seed: number },
): ForecastInput {
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
  };
}

/**
 * The cached forecast of (roadmap, seq, runs, seed), or one computed from what `load` answers once a
 * slot of the forecast limit is free (identical requests share the wait and the run). A request that
 * passes its `signal` and goes away stops waiting; the run stops when nobody waits for it any more.
 */
function cachedForecast(
  roadmap: { id: string; seq: number },
  options: { runs: number; seed: number },
  load: () => Promise<ForecastInput>,
  signal?: AbortSignal,
): Promise<Forecast> {
  const key = `${roadmap.id}:${roadmap.seq}:${options.runs}:${options.seed}`;
  return cache.get(key, signal, (stop) =>
    withForecastSlot(options.runs, stop, async () => simulate(await load(), stop)),
  );
}

/**
 * The forecast of a board already loaded (by a caller that checked access, or needs none), from
 * the same cache as getForecast: the board's seq is the one its roadmap row had when it was read.
 */
export function forecastBoard(
  board: Pick<BoardContent, "roadmap" | "seq" | "items" | "dependencies">,
  risks: Risk[],
  options: { runs: number; seed: number },
): Promise<Forecast> {
  return cachedForecast({ id: board.roadmap.id, seq: board.seq }, options, async () =>
    forecastInput(board, risks, options),
  );
}

/**
 * The Monte-Carlo forecast of a roadmap as it is now. A repeated read of an unchanged roadmap with
 * the same runs and seed answers from memory, with the elapsedMs of the run that computed it. A
 * new one waits for a slot of the forecast limit (lib/services/forecast/slots.ts): 503 when the
 * queue is full.
 */
export async function getForecast(
  db: Database,
  actor: Actor,
  roadmapId: string,
  options: { runs: number; seed: number },
  signal?: AbortSignal,
): Promise<Forecast> {
  // The sequence number is read before the board, so a cached answer is never older than its key.
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return cachedForecast(
    roadmap,
    options,
    async () => {
      const [board, risks] = await Promise.all([loadBoard(db, roadmap), loadRisks(db, roadmapId)]);
      return forecastInput(board, risks, options);
    },
    signal,
  );
}
