// The current demo roadmap's actuals and its confidence over time: actual dates on the work done or
// under way (remaining hours on the latter), and the forecasts "recorded" weekly and at its two
// reviews. Those start from today's real forecast of each method and stand earlier the further back
// they go (the plan has been slipping), so the executive dashboard's line and the trend arrow
// ("P80 moved ... later since the last review") have a story from the first start.
import { and, eq, inArray } from "drizzle-orm";
import { addWorkingDays, previousWorkingDay } from "@/lib/planning/calendar";
import { addDays, toDayNumber } from "@/lib/planning/civil-date";
import type { ForecastRecordSeries, ForecastWithMethod } from "@/lib/validation/learning";
import { roadmapForecast } from "@/lib/services/forecast/forecast";
import { RECORD_FORECAST, recordSeries } from "@/lib/services/forecast/records";
import { insertRecordset } from "@/lib/services/kernel/bulk-insert";
import type { Database } from "@/db/types";
import { forecastRecords, items, reviews, roadmaps } from "@/db/schema";

/** Working days the P80s stood earlier per week back. */
const SLIP_PER_WEEK = 1.5;

/** Actual start and finish on the current roadmap's started work; remaining hours on what is under way. */
export async function seedCurrentActuals(tx: Database, roadmapId: string, today: string) {
  const lastDone = previousWorkingDay(today);
  const started = await tx
    .select()
    .from(items)
    .where(and(eq(items.roadmapId, roadmapId), inArray(items.status, ["done", "in_progress", "at_risk"])));
  for (const item of started) {
    if (item.kind !== "feature" || item.startDate > lastDone) continue;
    const done = item.status === "done";
    const actualFinish = done ? (item.endDate < lastDone ? item.endDate : lastDone) : null;
    await tx
      .update(items)
      .set({
        actualStart: item.startDate,
        actualFinish,
        remainingHours: done ? null : remainingOf(item, today),
      })
      .where(eq(items.id, item.id));
  }
}

/**
 * Work under way, re-estimated: its likely hours in the share of its planned span still ahead, and
 * never under a sixth of them (work past its planned end is not done either).
 */
function remainingOf(item: typeof items.$inferSelect, today: string): number {
  const span = toDayNumber(item.endDate) - toDayNumber(item.startDate) + 1;
  const ahead = Math.max(0, toDayNumber(item.endDate) - toDayNumber(today) + 1);
  return Math.round((item.likelyHours ?? 0) * Math.max(1 / 6, ahead / span));
}

/** Every weekly and review record of the current roadmap, both methods, before today. */
export async function seedConfidenceRecords(tx: Database, roadmapId: string, today: string) {
  const [roadmap] = await tx.select().from(roadmaps).where(eq(roadmaps.id, roadmapId));
  const held = await tx
    .select({ id: reviews.id, heldOn: reviews.heldOn })
    .from(reviews)
    .where(eq(reviews.roadmapId, roadmapId));
  const now: ForecastWithMethod[] = [];
  for (const method of ["pert", "history"] as const)
    now.push(await roadmapForecast(tx, roadmap, { ...RECORD_FORECAST, method }));

  const weekly: string[] = [];
  for (let on = addDays(roadmap.startDate, -21); on < today; on = addDays(on, 7)) weekly.push(on);
  const points = [
    ...weekly.map((on) => ({ on, reason: "daily" as const, reviewId: null })),
    ...held
      .filter((r) => r.heldOn < today)
      .map((r) => ({ on: r.heldOn, reason: "review" as const, reviewId: r.id })),
  ];
  const rows = now.flatMap((forecast) =>
    points.map((point) => {
      const weeksBack = (toDayNumber(today) - toDayNumber(point.on)) / 7;
      return {
        roadmapId,
        recordedAt: new Date(`${point.on}T${point.reason === "review" ? "16" : "06"}:00:00Z`),
        recordedOn: point.on,
        reason: point.reason,
        reviewId: point.reviewId,
        method: forecast.method.name,
        runs: forecast.runs,
        seed: forecast.seed,
        series: earlier(recordSeries(forecast), weeksBack),
      };
    }),
  );
  await insertRecordset(tx, forecastRecords, rows);
}

/** How fast each key milestone slipped, by its order (the finish: the last); some held still. */
const SLIP_PACE = [0.3, 1.4, 0.9, 0, 1.8, 1.1];

/** The series as it stood `weeksBack` weeks ago: each date sooner by its pace, a little likelier on time. */
function earlier(series: ForecastRecordSeries, weeksBack: number): ForecastRecordSeries {
  const back = (iso: string, pace: number) =>
    addWorkingDays(iso, -Math.round(weeksBack * SLIP_PER_WEEK * pace));
  const odds = (p: number | null, pace: number) =>
    p === null ? null : Math.min(0.98, Math.round((p + weeksBack * 0.03 * pace) * 100) / 100);
  const finish = SLIP_PACE.at(-1)!;
  return {
    milestones: series.milestones.map((m, i) => {
      const pace = SLIP_PACE[i % (SLIP_PACE.length - 1)];
      return {
        ...m,
        p50: back(m.p50, pace),
        p80: back(m.p80, pace),
        onTimeProbability: odds(m.onTimeProbability, pace),
      };
    }),
    projectFinish: {
      p50: back(series.projectFinish.p50, finish),
      p80: back(series.projectFinish.p80, finish),
      onTimeProbability: null,
    },
  };
}
