// The demo team's finished earlier roadmap (history-data.ts): sixty done features with their actual
// start and finish and, on half of them, the hours logged day by day; six key milestones reached
// (most late) and the forecasts recorded monthly while they were ahead, so estimate accuracy, the
// forecast from history and the calibration of P80s have something to say at once. Rows are built
// here and written in one statement per table (insertRecordset), so the seed stays quick.
import { randomUUID } from "node:crypto";
import { addWorkingDays, previousWorkingDay } from "@/lib/planning/calendar";
import { addDays, addMonths, dayOfWeek } from "@/lib/planning/civil-date";
import type { ForecastRecordSeries } from "@/lib/validation/learning";
import { insertRecordset } from "@/lib/services/kernel/bulk-insert";
import type { Database } from "@/db/types";
import { forecastRecords, items, itemSkills, roadmaps, timeEntries, workstreams } from "@/db/schema";
import { SKILLS, type SkillName } from "./data";
import {
  HISTORY_FEATURES,
  HISTORY_MILESTONES,
  HISTORY_ROADMAP,
  MOBILE_RATIOS,
  USUAL_RATIOS,
} from "./history-data";

interface HistoryContext {
  teamId: string;
  /** The current roadmap's start (a Monday): the earlier one ran the twelve months before it. */
  currentStart: string;
  /** Owner, editor, commenter (seed order): the people who estimated and did the work. */
  people: { id: string }[];
  skillId: (name: SkillName) => string;
  today: string;
}

const HOURS_PER_WEEK = 30;
const MILESTONE_LANE = "Milestones";

/** The Monday on or after iso. */
function mondayFrom(iso: string): string {
  return addDays(iso, (8 - dayOfWeek(iso)) % 7);
}

const minDate = (a: string, b: string) => (a < b ? a : b);

export async function seedHistory(tx: Database, ctx: HistoryContext) {
  const start = mondayFrom(addMonths(ctx.currentStart, -12));
  const week = (n: number, weekday = 0) => addDays(start, n * 7 + weekday);
  const lastDone = previousWorkingDay(ctx.today);
  const [roadmap] = await tx
    .insert(roadmaps)
    .values({
      teamId: ctx.teamId,
      ...HISTORY_ROADMAP,
      startDate: start,
      horizonMonths: 12,
      status: "archived",
      createdBy: ctx.people[0].id,
      // A year old and untouched since: the team's list shows the current roadmap first.
      createdAt: new Date(`${start}T09:00:00Z`),
      updatedAt: new Date(`${addMonths(start, 12)}T09:00:00Z`),
    })
    .returning();
  const laneNames = [...SKILLS, MILESTONE_LANE];
  const lanes = laneNames.map((name, position) => ({
    id: randomUUID(),
    roadmapId: roadmap.id,
    name,
    position,
  }));
  await insertRecordset(tx, workstreams, lanes);

  const featureRows: (typeof items.$inferInsert)[] = [];
  const skillRows: (typeof itemSkills.$inferInsert)[] = [];
  const entryRows: (typeof timeEntries.$inferInsert)[] = [];
  SKILLS.forEach((skill, s) => {
    const ratios = skill === "Mobile" ? MOBILE_RATIOS : USUAL_RATIOS;
    HISTORY_FEATURES[skill].forEach((title, j) => {
      const weeks = 2 + ((j + s) % 3);
      const plannedStart = week(j * 5 + (s % 3));
      const likely = weeks * HOURS_PER_WEEK;
      const [o, p] = [likely * 0.75, likely * 1.8];
      // What the forecast expects: planned working days x PERT mean / likely (lib/planning/actual-ratios.ts).
      const expectedDays = (weeks * 5 * (o + 4 * likely + p)) / 6 / likely;
      const actualDays = Math.max(1, Math.round(ratios[j] * expectedDays));
      const actualStart = minDate(addWorkingDays(plannedStart, (j + s) % 3), lastDone);
      const actualFinish = minDate(addWorkingDays(actualStart, actualDays - 1), lastDone);
      const id = randomUUID();
      const ownerId = ctx.people[(j + s) % 3].id;
      featureRows.push({
        id,
        roadmapId: roadmap.id,
        workstreamId: lanes[s].id,
        kind: "feature",
        title,
        startDate: plannedStart,
        endDate: week(j * 5 + (s % 3) + weeks - 1, 4),
        status: "done",
        optimisticHours: o,
        likelyHours: likely,
        pessimisticHours: p,
        ownerId,
        actualStart,
        actualFinish,
      });
      skillRows.push(
        { itemId: id, skillId: ctx.skillId(skill), hours: likely * 0.8 },
        { itemId: id, skillId: ctx.skillId(SKILLS[(s + 1) % SKILLS.length]), hours: likely * 0.2 },
      );
      // Half the features have their hours logged: about six a working day, by their owner.
      if (j % 2 === 0) {
        for (let d = 0, on = actualStart; on <= actualFinish; d++, on = addWorkingDays(on, 1)) {
          entryRows.push({
            itemId: id,
            teamId: ctx.teamId,
            personId: ownerId,
            on,
            hours: d % 2 === 0 ? 5.5 : 6.5,
            createdBy: ownerId,
          });
        }
      }
    });
  });

  const milestones = HISTORY_MILESTONES.map((m) => {
    const target = week(m.week, 4);
    return { ...m, id: randomUUID(), target, reachedOn: minDate(addWorkingDays(target, m.slip), lastDone) };
  });
  await insertRecordset(tx, items, [
    ...featureRows,
    ...milestones.map((m) => ({
      id: m.id,
      roadmapId: roadmap.id,
      workstreamId: lanes.at(-1)!.id,
      kind: "milestone" as const,
      title: m.title,
      startDate: m.target,
      endDate: m.target,
      isKey: true,
      status: "done" as const,
      actualStart: m.reachedOn,
      actualFinish: m.reachedOn,
      ownerId: null,
      optimisticHours: null,
      likelyHours: null,
      pessimisticHours: null,
    })),
  ]);
  await insertRecordset(tx, itemSkills, skillRows);
  await insertRecordset(tx, timeEntries, entryRows);
  await insertRecordset(tx, forecastRecords, monthlyRecords(roadmap.id, start, milestones, ctx.today));
}

type SeededMilestone = (typeof HISTORY_MILESTONES)[number] & {
  id: string;
  target: string;
  reachedOn: string;
};

/**
 * The forecasts recorded at the year's monthly reviews: PERT's P80 a few days past each due date
 * (too hopeful: most milestones came later), history's (from the third month, once enough features
 * were done) further out and mostly right. A milestone already reached stands at its day.
 */
function monthlyRecords(roadmapId: string, start: string, milestones: SeededMilestone[], today: string) {
  const rows: (typeof forecastRecords.$inferInsert)[] = [];
  for (let month = 1; month <= 12; month++) {
    const on = addDays(start, month * 28); // a Monday
    if (on >= today) break;
    for (const method of ["pert", "history"] as const) {
      if (method === "history" && month < 3) continue;
      const series: ForecastRecordSeries["milestones"] = milestones.map((m) => {
        if (m.reachedOn <= on) {
          const onTime = m.reachedOn <= m.target ? 1 : 0;
          return figures(m, m.reachedOn, m.reachedOn, onTime);
        }
        const days = method === "pert" ? m.pertP80 : m.historyP80;
        const p50 = addWorkingDays(m.target, Math.round(days * 0.5) - (method === "pert" ? 2 : 0));
        return figures(m, p50, addWorkingDays(m.target, days), method === "pert" ? 0.64 : 0.35);
      });
      const last = series.at(-1)!;
      rows.push({
        roadmapId,
        recordedAt: new Date(`${on}T15:00:00Z`),
        recordedOn: on,
        reason: "review",
        method,
        runs: 5_000,
        seed: 1,
        series: {
          milestones: series,
          projectFinish: { p50: last.p50, p80: last.p80, onTimeProbability: null },
        },
      });
    }
  }
  return rows;
}

function figures(m: SeededMilestone, p50: string, p80: string, onTimeProbability: number) {
  return { milestoneId: m.id, title: m.title, targetDate: m.target, p50, p80, onTimeProbability };
}
