// #18 learning through the API: estimate accuracy and the forecast from history on a team whose
// every feature took twice its estimate, the confidence series after reviews, the daily record and
// the calibration of P80s.
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { forecastRecords } from "@/db/schema";
import { toWorkIndex } from "@/lib/planning/calendar";
import { createDependency } from "@/lib/services/dependencies/edges";
import { clearForecastCache } from "@/lib/services/forecast/forecast";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { getConfidence } from "@/lib/services/learning/confidence";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Item } from "@/lib/validation/timeline";
import { api } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import {
  createCast,
  createCastTeam,
  createTeamWithMembers,
  type Cast,
  type CastTeam,
} from "../helpers/fixtures";
import { createHistory } from "../helpers/learning";
import { ok } from "../helpers/resources";
import { featureInput, milestoneInput, MONDAY } from "../helpers/timeline";

const EIGHTY_HOURS = { optimisticHours: 80, likelyHours: 80, pessimisticHours: 80 };

describeEachDatabase("learning from actuals", (getCtx) => {
  let cast: Cast;
  let fx: CastTeam;
  let roadmap: Roadmap;
  let build: Item;
  let launch: Item;
  let history: Item[];

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    fx = await createCastTeam(db, cast);
    history = await createHistory(db, cast.owner.actor, fx.team.id, {
      count: 12,
      weeks: 2,
      ownerId: (k) => (k % 2 === 0 ? cast.editor.user.id : null),
    });
    // A new chain: two features of 10 working days each (o = m = p: PERT keeps the plan), then Launch.
    roadmap = await createRoadmap(db, cast.owner.actor, fx.team.id, {
      title: "This year",
      startDate: MONDAY,
    });
    const add = (input: Parameters<typeof createItem>[3]) =>
      createItem(db, cast.owner.actor, roadmap.id, input);
    const design = await add(featureInput("Design", MONDAY, "2027-01-15", { estimate: EIGHTY_HOURS }));
    build = await add(featureInput("Build", "2027-01-18", "2027-01-29", { estimate: EIGHTY_HOURS }));
    launch = await add(milestoneInput("Launch", "2027-02-01", { isKey: true }));
    await createDependency(db, cast.owner.actor, roadmap.id, { fromId: design.id, toId: build.id });
    await createDependency(db, cast.owner.actor, roadmap.id, { fromId: build.id, toId: launch.id });
  });

  beforeEach(() => clearForecastCache());

  const get = (
    key: "forecast" | "estimate-accuracy" | "confidence",
    query: Record<string, string> = {},
    id = roadmap.id,
  ) =>
    api(`GET /api/roadmaps/{roadmapId}/${key}`, {
      params: { roadmapId: id },
      token: cast.viewer.token,
      query,
    });
  /** Working days from the roadmap start to a date, both counted. */
  const span = (date: string) => toWorkIndex(date) - toWorkIndex(MONDAY) + 1;

  describe("estimate accuracy", () => {
    it("every feature took twice its estimate: median, P10 and P90 are 2, the histogram bar at 2", async () => {
      const body = ok(await get("estimate-accuracy"));
      expect(body).toMatchObject({ by: "team", samples: 12, medianRatio: 2, p10Ratio: 2, p90Ratio: 2 });
      expect(body.histogram.find((b: { from: number }) => b.from === 2).count).toBe(12);
      expect(body.groups).toEqual([
        expect.objectContaining({ key: "team", label: fx.team.name, samples: 12 }),
      ]);
      expect(body.worst).toHaveLength(5);
    });

    it("hours logged on a done feature: logged over PERT mean hours", async () => {
      for (const on of ["2026-01-05", "2026-01-06"]) {
        const res = await api("POST /api/items/{itemId}/time-entries", {
          params: { itemId: history[0].id },
          token: cast.editor.token,
          json: { on, hours: 8 },
        });
        ok(res, 201);
      }
      expect(ok(await get("estimate-accuracy"))).toMatchObject({ hoursSamples: 1, hoursMedianRatio: 0.8 });
    });

    it("by person: the owner's features and those without one, named", async () => {
      const body = ok(await get("estimate-accuracy", { by: "person" }));
      expect(
        body.groups.map((g: { key: string | null; label: string; samples: number }) => [
          g.key,
          g.label,
          g.samples,
        ]),
      ).toEqual(
        [
          [cast.editor.user.id, cast.editor.user.name, 6],
          [null, "No owner", 6],
        ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      );
    });

    it("an outsider: 404; by=anything else: 400", async () => {
      const outsider = await api("GET /api/roadmaps/{roadmapId}/estimate-accuracy", {
        params: { roadmapId: roadmap.id },
        token: cast.outsider.token,
      });
      expectApiError(outsider, 404, "not_found");
      expectApiError(await get("estimate-accuracy", { by: "moon" }), 400, "invalid_request");
    });
  });

  describe("the forecast from history", () => {
    it("twice the estimates: the history P50 of the chain is twice the PERT P50, drawn from the team's 12 samples", async () => {
      const pert = ok(await get("forecast", { runs: "1000" }));
      const history = ok(await get("forecast", { runs: "1000", method: "history" }));
      expect(pert.method.name).toBe("pert");
      expect(history.method).toMatchObject({
        name: "history",
        durations: "history-ratio",
        history: { samples: 12, drawnFrom: { person: 0, skill: 0, team: 2 }, minSamples: 10 },
      });
      const pertLaunch = pert.milestones.find((m: { id: string }) => m.id === launch.id);
      const historyLaunch = history.milestones.find((m: { id: string }) => m.id === launch.id);
      // Launch is reached the day Build finishes: 20 working days as planned, 40 at twice the estimates.
      expect(span(pertLaunch.p50)).toBe(20);
      expect(span(historyLaunch.p50)).toBe(40);
      expect(historyLaunch.onTimeProbability).toBe(0);
    });

    it("under 10 done features: 422 not_enough_history with the count; method=anything else: 400", async () => {
      const { db } = getCtx();
      const team = await createTeamWithMembers(db, cast.owner);
      await createHistory(db, cast.owner.actor, team.id, { count: 3, weeks: 2 });
      const young = await createRoadmap(db, cast.owner.actor, team.id, { title: "Young", startDate: MONDAY });
      const res = await api("GET /api/roadmaps/{roadmapId}/forecast", {
        params: { roadmapId: young.id },
        token: cast.owner.token,
        query: { method: "history" },
      });
      expectApiError(res, 422, "not_enough_history");
      expect(res.json.error.details).toEqual({ samples: 3, required: 10 });
      expectApiError(await get("forecast", { method: "guess" }), 400, "invalid_request");
    });
  });

  describe("confidence over time", () => {
    const review = async () =>
      ok(
        await api("POST /api/roadmaps/{roadmapId}/reviews", {
          params: { roadmapId: roadmap.id },
          token: cast.editor.token,
          json: { audience: "executive", heldOn: new Date().toISOString().slice(0, 10) },
        }),
        201,
      );
    const moveBuild = async (endDate: string) => {
      const current = ok(
        await api("GET /api/items/{itemId}", { params: { itemId: build.id }, token: cast.viewer.token }),
      );
      await updateItem(getCtx().db, cast.owner.actor, build.id, current.item.version, { endDate });
    };
    const dailyCount = async () =>
      (
        await getCtx()
          .db.select({ on: forecastRecords.recordedOn })
          .from(forecastRecords)
          .where(
            and(
              eq(forecastRecords.roadmapId, roadmap.id),
              eq(forecastRecords.reason, "daily"),
              eq(forecastRecords.method, "pert"),
            ),
          )
      ).length;

    it("two reviews with a slip between: two points per method, and the P80 trend says 10 working days later", async () => {
      await review();
      await moveBuild("2027-02-12");
      await review();
      for (const method of ["pert", "history"]) {
        const body = ok(await get("confidence", { method }));
        const [series] = body.milestones;
        expect(series).toMatchObject({ id: launch.id, title: "Launch", targetDate: "2027-02-01" });
        expect(series.points.map((p: { reason: string }) => p.reason)).toEqual(["review", "review"]);
        expect(body.projectFinish.points).toHaveLength(2);
        if (method === "pert") {
          expect(series.trend).toMatchObject({ workingDays: 10, direction: "later" });
        }
      }
    });

    it("a changed forecast is recorded at most once a day; a new day records again", async () => {
      const { db } = getCtx();
      const before = await dailyCount();
      await moveBuild("2027-02-05");
      await getConfidence(db, cast.viewer.actor, roadmap.id, "pert");
      expect(await dailyCount()).toBe(before + 1);
      await moveBuild("2027-02-19");
      await getConfidence(db, cast.viewer.actor, roadmap.id, "pert");
      expect(await dailyCount()).toBe(before + 1);
      const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
      await getConfidence(db, cast.viewer.actor, roadmap.id, "pert", tomorrow);
      await getConfidence(db, cast.viewer.actor, roadmap.id, "pert", tomorrow);
      expect(await dailyCount()).toBe(before + 2);
    });

    it("calibration: a milestone reached before the P80 recorded ahead of it held", async () => {
      const { db } = getCtx();
      const other = await createRoadmap(db, cast.owner.actor, fx.team.id, {
        title: "Calibrated",
        startDate: MONDAY,
      });
      const gate = await createItem(
        db,
        cast.owner.actor,
        other.id,
        milestoneInput("Gate", "2027-01-15", { isKey: true }),
      );
      await getConfidence(db, cast.viewer.actor, other.id, "pert", new Date("2026-11-02T12:00:00Z"));
      await updateItem(db, cast.owner.actor, gate.id, gate.version, {
        status: "done",
        actualFinish: "2026-11-20",
      });
      const body = ok(await get("confidence", {}, other.id));
      expect(body.calibration.methods.find((m: { method: string }) => m.method === "pert")).toEqual({
        method: "pert",
        predictions: 1,
        predictionsHeld: 1,
        milestones: 1,
        milestonesHeld: 1,
        sentence: "Our P80 dates have held 1 time out of 1.",
      });
      expect(body.calibration.milestones).toEqual([
        expect.objectContaining({ milestoneId: gate.id, reachedOn: "2026-11-20", method: "pert" }),
        expect.objectContaining({ milestoneId: gate.id, method: "history" }),
      ]);
      expect(body.calibration.milestones[0].points).toEqual([
        { recordedOn: "2026-11-02", reason: "daily", p80: expect.any(String), held: true },
      ]);
    });
  });
});
