import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { forecastRecords, items, roadmaps } from "@/db/schema";
import { calibrate, calibrationSentence, type ForecastRecord } from "@/lib/planning/calibration";
import { confidenceSeries } from "@/lib/planning/confidence";
import type { Confidence, ForecastMethod } from "@/lib/validation/learning";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { recordDailyForecast } from "@/lib/services/forecast/records";

/**
 * The confidence series of a roadmap's key milestones and project finish for one method, and the
 * calibration of every method's P80s across the team's roadmaps ("our P80 dates": a roadmap's own
 * milestones are few, and its earlier roadmaps' are the team's record). Reading it first records
 * today's forecast if it changed, so the series ends with the forecast as it is now.
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
  const teamRoadmaps = db
    .select({ id: roadmaps.id })
    .from(roadmaps)
    .where(
      and(eq(roadmaps.teamId, roadmap.teamId), eq(roadmaps.kind, "roadmap"), isNull(roadmaps.deletedAt)),
    );
  const [rows, milestones] = await Promise.all([
    db
      .select()
      .from(forecastRecords)
      .where(inArray(forecastRecords.roadmapId, teamRoadmaps))
      .orderBy(asc(forecastRecords.recordedAt), asc(forecastRecords.id)),
    db
      .select({
        id: items.id,
        roadmapId: items.roadmapId,
        title: items.title,
        targetDate: items.startDate,
        isKey: items.isKey,
        status: items.status,
        actualFinish: items.actualFinish,
      })
      .from(items)
      .where(
        and(inArray(items.roadmapId, teamRoadmaps), eq(items.kind, "milestone"), isNull(items.deletedAt)),
      )
      .orderBy(asc(items.startDate), asc(items.title)),
  ]);
  const records = rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
  const current = milestones
    .filter((m) => m.roadmapId === roadmapId && m.isKey && m.status !== "cut")
    .map(({ id, title, targetDate }) => ({ id, title, targetDate }));
  // A milestone reached on its actual finish, else (marked done before actuals existed) its date.
  const reached = milestones
    .filter((m) => m.status === "done")
    .map((m) => ({ id: m.id, title: m.title, reachedOn: m.actualFinish ?? m.targetDate }));
  const calibration = calibrate(records satisfies ForecastRecord[], reached);
  return {
    ...confidenceSeries(
      records.filter((r) => r.roadmapId === roadmapId),
      method,
      current,
    ),
    calibration: {
      ...calibration,
      methods: calibration.methods.map((tally) => ({ ...tally, sentence: calibrationSentence(tally) })),
    },
  };
}
