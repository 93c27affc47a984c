import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { forecastRecords, items } from "@/db/schema";
import { calibrate, calibrationSentence, type ForecastRecord } from "@/lib/planning/calibration";
import { confidenceSeries } from "@/lib/planning/confidence";
import type { Confidence, ForecastMethod } from "@/lib/validation/learning";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { recordDailyForecast } from "@/lib/services/forecast/records";

/**
 * The confidence series of a roadmap's key milestones and project finish for one method, and the
 * calibration of every method's P80s. Reading it first records today's forecast if it changed, so
 * the series ends with the forecast as it is now.
 */
export async function getConfidence(
  db: Database,
  actor: Actor,
  roadmapId: string,
  method: ForecastMethod,
  now: Date = new Date(),
): Promise<Confidence> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  await recordDailyForecast(db, roadmap, now);
  const [rows, milestones] = await Promise.all([
    db
      .select()
      .from(forecastRecords)
      .where(eq(forecastRecords.roadmapId, roadmapId))
      .orderBy(asc(forecastRecords.recordedAt), asc(forecastRecords.id)),
    db
      .select({
        id: items.id,
        title: items.title,
        targetDate: items.startDate,
        isKey: items.isKey,
        status: items.status,
        actualFinish: items.actualFinish,
      })
      .from(items)
      .where(and(eq(items.roadmapId, roadmapId), eq(items.kind, "milestone"), isNull(items.deletedAt)))
      .orderBy(asc(items.startDate), asc(items.title)),
  ]);
  const records: ForecastRecord[] = rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
  const current = milestones
    .filter((m) => m.isKey && m.status !== "cut")
    .map(({ id, title, targetDate }) => ({ id, title, targetDate }));
  // A milestone reached on its actual finish, else (marked done before actuals existed) its date.
  const reached = milestones
    .filter((m) => m.status === "done")
    .map((m) => ({ id: m.id, title: m.title, reachedOn: m.actualFinish ?? m.targetDate }));
  const calibration = calibrate(records, reached);
  return {
    ...confidenceSeries(records, method, current),
    calibration: {
      ...calibration,
      methods: calibration.methods.map((tally) => ({ ...tally, sentence: calibrationSentence(tally) })),
    },
  };
}
