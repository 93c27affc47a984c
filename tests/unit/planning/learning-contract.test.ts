// The #18 contract (lib/validation/learning.ts) against what users send and what the pure modules
// answer: the routes hand those answers straight to the response schemas.

import { describe, expect, it } from "vitest";
import { calibrate } from "@/lib/planning/calibration";
import { confidenceSeries } from "@/lib/planning/confidence";
import { estimateAccuracy } from "@/lib/planning/estimate-accuracy";
import { runForecast } from "@/lib/planning/forecast";
import { isNotEnoughHistory, namedPertResult, runHistoryForecast } from "@/lib/planning/history-sampler";
import { learning, resources, timeline } from "@/lib/validation/endpoints";
import {
  confidenceQuerySchema,
  confidenceSchema,
  createTimeEntrySchema,
  estimateAccuracyQuerySchema,
  estimateAccuracySchema,
  forecastRecordSeriesSchema,
  forecastWithMethodQuerySchema,
  forecastWithMethodSchema,
  updateItemWithActualsSchema,
} from "@/lib/validation/learning";
import { buildOpenApiDocument } from "@/lib/validation/openapi";
import { doneFeature, openFeature, START } from "./learning-fixtures";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message);

describe("time entries", () => {
  const entry = { on: "2027-03-01", hours: 7.25 };

  it("take hours above 0, at most 24, to the hundredth", () => {
    expect(createTimeEntrySchema.parse(entry)).toEqual(entry);
    expect(createTimeEntrySchema.parse({ ...entry, hours: 24, personId: null, note: "  pairing " })).toEqual({
      ...entry,
      hours: 24,
      personId: null,
      note: "pairing",
    });
    expect(messages(createTimeEntrySchema.safeParse({ ...entry, hours: 0 }))).toEqual([
      "hours must be more than 0.",
    ]);
    expect(messages(createTimeEntrySchema.safeParse({ ...entry, hours: -2 }))).toEqual([
      "hours must be more than 0.",
    ]);
    expect(messages(createTimeEntrySchema.safeParse({ ...entry, hours: 24.5 }))).toEqual([
      "A day has at most 24 hours.",
    ]);
    expect(messages(createTimeEntrySchema.safeParse({ ...entry, hours: 0.004 }))).toEqual([
      "hours takes at most two decimals (0.25, 1.5).",
    ]);
    expect(createTimeEntrySchema.safeParse({ ...entry, hours: 0.07 }).success).toBe(true);
  });

  it("need a real day and a member's id", () => {
    expect(createTimeEntrySchema.safeParse({ ...entry, on: "2027-02-30" }).success).toBe(false);
    expect(messages(createTimeEntrySchema.safeParse({ ...entry, personId: "ana" }))).toEqual([
      "personId must be a team member's id.",
    ]);
  });
});

describe("the item PATCH with actuals", () => {
  it("adds actual dates and remaining hours to the existing fields", () => {
    const patch = { title: "Checkout", actualStart: "2027-03-01", actualFinish: null, remainingHours: 12 };
    expect(updateItemWithActualsSchema.parse(patch)).toEqual(patch);
    expect(messages(updateItemWithActualsSchema.safeParse({ remainingHours: -1 }))).toEqual([
      "remainingHours cannot be negative.",
    ]);
    expect(updateItemWithActualsSchema.safeParse({ actualStart: "1 March" }).success).toBe(false);
  });

  it("is the item PATCH's body, which keeps actuals", () => {
    expect(timeline.updateItem.body).toBe(updateItemWithActualsSchema);
    expect(timeline.updateItem.body.parse({ title: "Checkout", actualStart: "2027-03-01" })).toEqual({
      title: "Checkout",
      actualStart: "2027-03-01",
    });
  });
});

describe("queries", () => {
  it("default to by=team and method=pert, and refuse other values", () => {
    expect(estimateAccuracyQuerySchema.parse({})).toEqual({ by: "team" });
    expect(estimateAccuracyQuerySchema.safeParse({ by: "lane" }).success).toBe(false);
    expect(forecastWithMethodQuerySchema.parse({})).toEqual({ runs: 5_000, seed: 1, method: "pert" });
    expect(forecastWithMethodQuerySchema.parse({ method: "history", runs: "1000" })).toMatchObject({
      method: "history",
      runs: 1_000,
    });
    expect(messages(forecastWithMethodQuerySchema.safeParse({ method: "velocity" }))).toEqual([
      'method must be "pert" or "history".',
    ]);
    expect(confidenceQuerySchema.parse({})).toEqual({ method: "pert" });
  });
});

describe("the pure modules' answers fit the response schemas", () => {
  const history = Array.from({ length: 12 }, (_, k) => doneFeature(1 + k / 10, { ownerId: "ana" }));
  const items = [openFeature("a", 10, { isKey: true }), openFeature("b", 5, { from: 10 })];
  const input = {
    projectStart: START,
    items,
    dependencies: [],
    risks: [],
    runs: 500,
    seed: 3,
    history,
    today: START,
  };

  it("estimate accuracy", () => {
    const labels = { team: "Team", skills: new Map(), people: new Map([["ana", "Ana"]]) };
    for (const by of ["team", "skill", "person"] as const) {
      expect(() =>
        estimateAccuracySchema.parse(estimateAccuracy({ features: history, by, labels })),
      ).not.toThrow();
    }
  });

  it("both forecasts, with the method named", () => {
    const fromHistory = runHistoryForecast(input);
    if (isNotEnoughHistory(fromHistory)) throw new Error("unexpected");
    expect(forecastWithMethodSchema.parse({ ...fromHistory, elapsedMs: 1 }).method.name).toBe("history");
    const pert = namedPertResult(runForecast(input));
    expect(forecastWithMethodSchema.parse({ ...pert, elapsedMs: 1 }).method).toMatchObject({
      name: "pert",
      durations: "pert-beta",
    });
  });

  it("a forecast record, the confidence series and calibration drawn from it", () => {
    const series = forecastRecordSeriesSchema.parse({
      milestones: [
        {
          milestoneId: "m",
          title: "Beta",
          targetDate: "2027-03-31",
          p50: "2027-03-30",
          p80: "2027-04-02",
          onTimeProbability: 0.6,
        },
      ],
      projectFinish: { p50: "2027-05-03", p80: "2027-05-10", onTimeProbability: null },
    });
    const record = {
      recordedAt: "2027-02-01T10:00:00.000Z",
      recordedOn: "2027-02-01",
      reason: "review" as const,
      method: "pert" as const,
      series,
    };
    const calibration = { methods: [], milestones: [] };
    expect(() =>
      confidenceSchema.parse({ ...confidenceSeries([record], "pert"), calibration }),
    ).not.toThrow();
    expect(
      calibrate([record], [{ id: "m", title: "Beta", reachedOn: "2027-04-01" }]).methods[0],
    ).toMatchObject({
      milestones: 1,
      milestonesHeld: 1,
    });
    expect(forecastRecordSeriesSchema.safeParse({ ...series, projectFinish: { p50: "soon" } }).success).toBe(
      false,
    );
  });
});

describe("the endpoint definitions", () => {
  it("make a valid OpenAPI document of the seven paths", () => {
    const endpoints = [...Object.values(learning), timeline.updateItem, resources.getForecast];
    const document = buildOpenApiDocument(endpoints, { version: "test" }) as {
      paths: Record<string, object>;
    };
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/items/{itemId}",
      "/api/items/{itemId}/time-entries",
      "/api/roadmaps/{roadmapId}/actuals-imports",
      "/api/roadmaps/{roadmapId}/confidence",
      "/api/roadmaps/{roadmapId}/estimate-accuracy",
      "/api/roadmaps/{roadmapId}/forecast",
      "/api/time-entries/{timeEntryId}",
    ]);
  });
});
