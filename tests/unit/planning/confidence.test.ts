import { describe, expect, it } from "vitest";
import type { ForecastRecord } from "@/lib/planning/calibration";
import { confidenceSeries, p80Trend, trendSentence } from "@/lib/planning/confidence";

function record(
  recordedOn: string,
  reason: ForecastRecord["reason"],
  p80: string,
  extra: { method?: ForecastRecord["method"]; title?: string; only?: string } = {},
): ForecastRecord {
  const milestones = [
    {
      milestoneId: "beta",
      title: extra.title ?? "Beta",
      targetDate: "2027-04-30",
      p50: "2027-04-20",
      p80,
      onTimeProbability: 0.7,
    },
    {
      milestoneId: "alpha",
      title: "Alpha",
      targetDate: "2027-03-31",
      p50: "2027-03-22",
      p80: "2027-03-29",
      onTimeProbability: 0.9,
    },
  ].filter((m) => !extra.only || m.milestoneId === extra.only);
  return {
    recordedAt: `${recordedOn}T09:00:00.000Z`,
    recordedOn,
    reason,
    method: extra.method ?? "pert",
    series: { milestones, projectFinish: { p50: "2027-06-01", p80: p80, onTimeProbability: null } },
  };
}

const RECORDS = [
  record("2027-02-08", "daily", "2027-05-07"),
  record("2027-02-01", "review", "2027-05-03", { only: "beta" }), // Monday 3 May
  record("2027-02-15", "review", "2027-05-10"),
  record("2027-02-16", "daily", "2027-05-14", { title: "Beta 2" }), // Friday 14 May
  record("2027-02-16", "daily", "2027-09-01", { method: "history" }),
];

describe("confidence over time", () => {
  const confidence = confidenceSeries(RECORDS, "pert");

  it("gives one point per recorded forecast of the method, oldest first", () => {
    expect(confidence.method).toBe("pert");
    const beta = confidence.milestones.find((m) => m.id === "beta")!;
    expect(beta.points.map((p) => [p.on, p.reason, p.p80])).toEqual([
      ["2027-02-01", "review", "2027-05-03"],
      ["2027-02-08", "daily", "2027-05-07"],
      ["2027-02-15", "review", "2027-05-10"],
      ["2027-02-16", "daily", "2027-05-14"],
    ]);
    expect(beta.points[0]).toEqual({
      on: "2027-02-01",
      reason: "review",
      p50: "2027-04-20",
      p80: "2027-05-03",
      onTimeProbability: 0.7,
    });
    expect(confidence.projectFinish.points).toHaveLength(4);
    expect(confidence.projectFinish.points[0].onTimeProbability).toBeNull();
  });

  it("orders milestones by target date, titled as the latest record says", () => {
    expect(confidence.milestones.map((m) => [m.id, m.title, m.targetDate])).toEqual([
      ["alpha", "Alpha", "2027-03-31"],
      ["beta", "Beta 2", "2027-04-30"],
    ]);
    // alpha first appears in the second record.
    expect(confidence.milestones[0].points).toHaveLength(3);
  });

  it("shows exactly the current key milestones when given, with points from whenever they were recorded", () => {
    const current = [
      { id: "beta", title: "Beta launch", targetDate: "2027-05-14" },
      { id: "new", title: "New", targetDate: "2027-07-01" },
    ];
    const shown = confidenceSeries(RECORDS, "pert", current);
    expect(shown.milestones.map((m) => [m.id, m.title, m.points.length, m.trend])).toEqual([
      ["beta", "Beta launch", 4, expect.objectContaining({ workingDays: 4 })],
      ["new", "New", 0, null],
    ]);
  });

  it("measures the P80 trend since the last review in working days", () => {
    const beta = confidence.milestones.find((m) => m.id === "beta")!;
    // Monday 10 May to Friday 14 May.
    expect(beta.trend).toEqual({
      sinceReviewOn: "2027-02-15",
      fromP80: "2027-05-10",
      toP80: "2027-05-14",
      workingDays: 4,
      direction: "later",
    });
    expect(trendSentence(beta.trend!)).toBe("P80 moved 4 working days later since the last review");
  });

  it("compares a review with the review before it, and has no trend before a second point", () => {
    const points = confidenceSeries(RECORDS.slice(0, 3), "pert").milestones.find(
      (m) => m.id === "beta",
    )!.points;
    // The latest is the review of 15 February: compared with the review of 1 February, 3 May -> 10 May.
    expect(p80Trend(points)).toMatchObject({
      sinceReviewOn: "2027-02-01",
      workingDays: 5,
      direction: "later",
    });
    expect(p80Trend(points.slice(0, 1))).toBeNull();
    expect(p80Trend([])).toBeNull();
    const dailyOnly = confidenceSeries([RECORDS[0], RECORDS[3]], "pert");
    expect(dailyOnly.projectFinish.trend).toBeNull();
  });

  it("says earlier and unchanged too", () => {
    const base = { sinceReviewOn: "2027-02-01", fromP80: "2027-05-10", toP80: "2027-05-07" };
    expect(trendSentence({ ...base, workingDays: -1, direction: "earlier" })).toBe(
      "P80 moved 1 working day earlier since the last review",
    );
    expect(trendSentence({ ...base, workingDays: 0, direction: "unchanged" })).toBe(
      "P80 unchanged since the last review",
    );
    const earlier = confidenceSeries(
      [record("2027-02-01", "review", "2027-05-14"), record("2027-02-02", "daily", "2027-05-10")],
      "pert",
    );
    expect(earlier.projectFinish.trend).toMatchObject({ workingDays: -4, direction: "earlier" });
  });

  it("keeps the methods apart", () => {
    const history = confidenceSeries(RECORDS, "history");
    expect(history.projectFinish.points.map((p) => p.p80)).toEqual(["2027-09-01"]);
  });
});
