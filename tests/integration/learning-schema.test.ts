// Migration 0006_actuals on both databases: the new columns and tables, and the rules the database
// itself enforces (the services of #18 build on them): hours within a day, actual dates in order,
// one daily forecast record per roadmap, method and day, and the cascades.

import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { forecastRecords, items, timeEntries } from "@/db/schema";
import { createItem } from "@/lib/services/items/create";
import { isUniqueViolation } from "@/lib/services/kernel/errors";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import type { ForecastRecordSeries } from "@/lib/validation/learning";
import type { Team } from "@/lib/validation/teams";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { featureInput, MONDAY } from "../helpers/timeline";

const SERIES: ForecastRecordSeries = {
  milestones: [
    {
      milestoneId: "m1",
      title: "Beta",
      targetDate: "2027-03-31",
      p50: "2027-03-29",
      p80: "2027-04-06",
      onTimeProbability: 0.62,
    },
  ],
  projectFinish: { p50: "2027-06-01", p80: "2027-06-15", onTimeProbability: null },
};

/** The error a failed statement throws, whichever driver (and Drizzle's wrapping) raised it. */
async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("the statement succeeded");
}

/** PostgreSQL's SQLSTATE of an error, looked for through Drizzle's wrapping. */
function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}
const CHECK_VIOLATION = "23514";

describeEachDatabase("learning tables (migration 0006)", (getCtx) => {
  let owner: TestUser;
  let team: Team;

  beforeAll(async () => {
    const { db } = getCtx();
    owner = await createUser(db, "learner");
    team = await createTeamWithMembers(db, owner);
  });

  async function newFeature() {
    const { db } = getCtx();
    const roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Learning", startDate: MONDAY });
    const item = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-01-04", "2027-01-15"));
    return { roadmap, item };
  }

  it("stores actual dates and remaining hours on items, and refuses a finish before the start", async () => {
    const { db } = getCtx();
    const { item } = await newFeature();
    await db
      .update(items)
      .set({ actualStart: "2027-01-05", actualFinish: "2027-01-20", remainingHours: 12.5 })
      .where(eq(items.id, item.id));
    const [row] = await db.select().from(items).where(eq(items.id, item.id));
    expect(row).toMatchObject({
      actualStart: "2027-01-05",
      actualFinish: "2027-01-20",
      remainingHours: 12.5,
    });

    const backwards = db
      .update(items)
      .set({ actualStart: "2027-01-21", actualFinish: "2027-01-20" })
      .where(eq(items.id, item.id));
    expect(sqlState(await failure(backwards))).toBe(CHECK_VIOLATION);
    const negative = db.update(items).set({ remainingHours: -1 }).where(eq(items.id, item.id));
    expect(sqlState(await failure(negative))).toBe(CHECK_VIOLATION);
  });

  it("keeps time entries' hours exact to the hundredth, within (0, 24], and drops them with their item", async () => {
    const { db } = getCtx();
    const { item } = await newFeature();
    const entry = { itemId: item.id, teamId: team.id, personId: owner.user.id, createdBy: owner.user.id };
    await db.insert(timeEntries).values([
      { ...entry, on: "2027-01-05", hours: 7.25, note: "API" },
      { ...entry, on: "2027-01-06", hours: 24 },
    ]);
    const rows = await db.select().from(timeEntries).where(eq(timeEntries.itemId, item.id));
    expect(rows.map((r) => r.hours).sort()).toEqual([24, 7.25]);
    expect(typeof rows[0].hours).toBe("number");

    for (const hours of [0, -1, 24.01]) {
      const bad = db.insert(timeEntries).values({ ...entry, on: "2027-01-07", hours });
      expect(sqlState(await failure(bad)), `hours ${hours}`).toBe(CHECK_VIOLATION);
    }

    await db.delete(items).where(eq(items.id, item.id));
    expect(await db.select().from(timeEntries).where(eq(timeEntries.itemId, item.id))).toEqual([]);
  });

  it("allows one daily forecast record per roadmap, method and day, besides any number at reviews", async () => {
    const { db } = getCtx();
    const { roadmap } = await newFeature();
    const record = { roadmapId: roadmap.id, recordedOn: "2027-02-01", runs: 5000, seed: 1, series: SERIES };
    await db.insert(forecastRecords).values([
      { ...record, reason: "daily", method: "pert" },
      { ...record, reason: "daily", method: "history" },
      { ...record, reason: "review", method: "pert" },
      { ...record, reason: "review", method: "pert" },
      { ...record, reason: "daily", method: "pert", recordedOn: "2027-02-02" },
    ]);
    const again = db.insert(forecastRecords).values({ ...record, reason: "daily", method: "pert" });
    expect(isUniqueViolation(await failure(again))).toBe(true);

    const stored = await db
      .select()
      .from(forecastRecords)
      .where(and(eq(forecastRecords.roadmapId, roadmap.id), eq(forecastRecords.method, "pert")));
    expect(stored).toHaveLength(4);
    expect(stored[0].series).toEqual(SERIES);

    const unknownReason = db
      .insert(forecastRecords)
      .values({ ...record, reason: "hourly" as "daily", method: "pert", recordedOn: "2027-02-03" });
    expect(sqlState(await failure(unknownReason))).toBe(CHECK_VIOLATION);
  });
});
