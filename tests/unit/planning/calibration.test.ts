import { describe, expect, it } from "vitest";
import { calibrate, calibrationSentence, type ForecastRecord } from "@/lib/planning/calibration";
import type { ForecastRecordSeries } from "@/lib/validation/learning";

/** A record whose series gives each named milestone the P80 said (P50 and chance do not matter here). */
function record(
  recordedOn: string,
  p80s: Record<string, string>,
  extra: Partial<ForecastRecord> = {},
): ForecastRecord {
  const series: ForecastRecordSeries = {
    milestones: Object.entries(p80s).map(([milestoneId, p80]) => ({
      milestoneId,
      title: milestoneId.toUpperCase(),
      targetDate: "2027-03-31",
      p50: p80,
      p80,
      onTimeProbability: 0.5,
    })),
    projectFinish: { p50: "2027-06-01", p80: "2027-06-15", onTimeProbability: null },
  };
  return {
    recordedAt: `${recordedOn}T12:00:00.000Z`,
    recordedOn,
    reason: "daily",
    method: "pert",
    series,
    ...extra,
  };
}

const REACHED = [
  { id: "alpha", title: "Alpha", reachedOn: "2027-03-10" },
  { id: "beta", title: "Beta", reachedOn: "2027-04-01" },
  { id: "gamma", title: "Gamma", reachedOn: "2027-05-03" }, // never recorded
];

// Listed out of order: calibration orders by recordedAt itself.
const RECORDS = [
  record("2027-02-15", { alpha: "2027-03-05", beta: "2027-04-01" }), // alpha missed, beta held (on the day)
  record("2027-02-01", { alpha: "2027-03-15", beta: "2027-03-25" }, { reason: "review" }), // alpha held, beta missed
  record("2027-03-10", { alpha: "2027-03-01", beta: "2027-04-02" }), // alpha: the day it was reached, not before
  record("2027-03-20", { beta: "2027-03-31" }), // beta missed
  record("2027-02-01", { alpha: "2027-03-01", beta: "2027-05-01" }, { method: "history" }), // alpha missed, beta held
];

describe("calibration of P80 dates", () => {
  const { methods, milestones } = calibrate(RECORDS, REACHED);

  it("takes for each reached milestone the P80s recorded before the day it was reached, oldest first", () => {
    const pertAlpha = milestones.find((m) => m.milestoneId === "alpha" && m.method === "pert");
    expect(pertAlpha?.points).toEqual([
      { recordedOn: "2027-02-01", reason: "review", p80: "2027-03-15", held: true },
      { recordedOn: "2027-02-15", reason: "daily", p80: "2027-03-05", held: false },
    ]);
    const pertBeta = milestones.find((m) => m.milestoneId === "beta" && m.method === "pert");
    expect(pertBeta?.points.map((p) => [p.recordedOn, p.held])).toEqual([
      ["2027-02-01", false],
      ["2027-02-15", true],
      ["2027-03-10", true],
      ["2027-03-20", false],
    ]);
    expect(milestones.some((m) => m.milestoneId === "gamma")).toBe(false);
  });

  it("counts per method every prediction, and each milestone by its first P80", () => {
    expect(methods).toEqual([
      { method: "pert", predictions: 6, predictionsHeld: 3, milestones: 2, milestonesHeld: 1 },
      { method: "history", predictions: 2, predictionsHeld: 1, milestones: 2, milestonesHeld: 1 },
    ]);
  });

  it("says it as a sentence, and nothing before any milestone was reached", () => {
    expect(calibrationSentence(methods[0])).toBe("Our P80 dates have held 1 time out of 2.");
    const seven = {
      method: "pert" as const,
      predictions: 20,
      predictionsHeld: 15,
      milestones: 9,
      milestonesHeld: 7,
    };
    expect(calibrationSentence(seven)).toBe("Our P80 dates have held 7 times out of 9.");
    const none = calibrate([], REACHED);
    expect(none.methods.map((m) => m.milestones)).toEqual([0, 0]);
    expect(calibrationSentence(none.methods[0])).toBeNull();
  });
});
