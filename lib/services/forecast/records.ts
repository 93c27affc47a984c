// Forecast records (#18, "confidence over time"): what the forecast said of the key milestones and
// the project finish, kept at each review and at most once a day when it changed, per method. The
// confidence series and the calibration of P80s are read from them.
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { forecastRecords } from "@/db/schema";
import type {
  ForecastMethod,
  ForecastRecordReason,
  ForecastRecordSeries,
  ForecastWithMethod,
} from "@/lib/validation/learning";
import { DEFAULT_FORECAST_RUNS } from "@/lib/validation/resources";
import { AppError } from "@/lib/services/kernel/errors";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { utcDate } from "@/lib/services/reviews/cadence";
import { ALERTING_METHOD, queueMilestoneAlerts } from "@/lib/services/webhooks/milestone-events";
import { roadmapForecast } from "./forecast";

/** The forecast page's default, so a record often costs nothing (the page's run is cached). */
export const RECORD_FORECAST = { runs: DEFAULT_FORECAST_RUNS, seed: 1 } as const;

/** A record is a by-product: these leave a gap in the series rather than fail the request. */
const SKIPPED: ReadonlySet<string> = new Set(["not_enough_history", "dependency_cycle", "service_busy"]);

export function recordSeries(forecast: ForecastWithMethod): ForecastRecordSeries {
  const { p50, p80 } = forecast.projectFinish;
  return {
    milestones: forecast.milestones
      .filter((m) => m.isKey)
      .map((m) => ({
        milestoneId: m.id,
        title: m.title,
        targetDate: m.targetDate,
        p50: m.p50,
        p80: m.p80,
        onTimeProbability: m.onTimeProbability,
      })),
    projectFinish: { p50, p80, onTimeProbability: null },
  };
}

/** What a series says, as text that ignores key order (jsonb keeps its own). */
function seriesKey({ milestones, projectFinish: f }: ForecastRecordSeries): string {
  return JSON.stringify([
    milestones.map((m) => [m.milestoneId, m.title, m.targetDate, m.p50, m.p80, m.onTimeProbability]),
    [f.p50, f.p80],
  ]);
}

/** The record-settings forecast of each method the team can have now (history needs history). */
async function forecastsNow(db: Database, roadmap: RoadmapRow): Promise<ForecastWithMethod[]> {
  const out: ForecastWithMethod[] = [];
  for (const method of ["pert", "history"] as const) {
    try {
      out.push(await roadmapForecast(db, roadmap, { ...RECORD_FORECAST, method }));
    } catch (error) {
      if (!(error instanceof AppError && SKIPPED.has(error.code))) throw error;
    }
  }
  return out;
}

function recordValues(
  roadmap: RoadmapRow,
  forecast: ForecastWithMethod,
  reason: ForecastRecordReason,
  now: Date,
) {
  return {
    roadmapId: roadmap.id,
    recordedAt: now,
    recordedOn: utcDate(now),
    reason,
    method: forecast.method.name,
    runs: forecast.runs,
    seed: forecast.seed,
    series: recordSeries(forecast),
  };
}

/** The latest record of a roadmap for one method (its day and series), if any. */
async function latestRecord(db: Database, roadmapId: string, method: ForecastMethod) {
  const [latest] = await db
    .select({ on: forecastRecords.recordedOn, series: forecastRecords.series })
    .from(forecastRecords)
    .where(and(eq(forecastRecords.roadmapId, roadmapId), eq(forecastRecords.method, method)))
    .orderBy(desc(forecastRecords.recordedAt))
    .limit(1);
  return latest ?? null;
}

type LatestRecord = Awaited<ReturnType<typeof latestRecord>>;

/**
 * In the record's transaction: the webhooks' milestone alerts of the alerting method's record,
 * against the record before it.
 */
async function alertOnRecord(
  tx: Database,
  roadmap: RoadmapRow,
  forecast: ForecastWithMethod,
  previous: LatestRecord,
  now: Date,
) {
  // A scenario's forecast is a what-if: nothing to tell the team's chat about.
  if (forecast.method.name !== ALERTING_METHOD || roadmap.kind !== "roadmap") return;
  const prior = previous && { on: previous.on, milestones: previous.series.milestones };
  await queueMilestoneAlerts(tx, roadmap, prior, recordSeries(forecast).milestones, utcDate(now));
}

/** At a review: one record per method, whatever was recorded before. */
export async function recordReviewForecast(
  db: Database,
  roadmap: RoadmapRow,
  reviewId: string,
  now: Date = new Date(),
): Promise<void> {
  const forecasts = await forecastsNow(db, roadmap);
  if (forecasts.length === 0) return;
  const previous = await Promise.all(forecasts.map((f) => latestRecord(db, roadmap.id, f.method.name)));
  await db.transaction(async (tx) => {
    await tx
      .insert(forecastRecords)
      .values(forecasts.map((f) => ({ ...recordValues(roadmap, f, "review", now), reviewId })));
    for (const [i, f] of forecasts.entries()) await alertOnRecord(tx, roadmap, f, previous[i], now);
  });
}

/**
 * Once a day per method, when the forecast differs from the latest record of that method. Two
 * requests racing for the day's record meet the daily unique index: the second inserts nothing.
 */
export async function recordDailyForecast(
  db: Database,
  roadmap: RoadmapRow,
  now: Date = new Date(),
): Promise<void> {
  for (const forecast of await forecastsNow(db, roadmap)) {
    const latest = await latestRecord(db, roadmap.id, forecast.method.name);
    const series = recordSeries(forecast);
    if (latest && seriesKey(latest.series) === seriesKey(series)) continue;
    await db.transaction(async (tx) => {
      const [stored] = await tx
        .insert(forecastRecords)
        .values(recordValues(roadmap, forecast, "daily", now))
        .onConflictDoNothing()
        .returning({ id: forecastRecords.id });
      if (stored) await alertOnRecord(tx, roadmap, forecast, latest, now);
    });
  }
}
