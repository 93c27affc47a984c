import { describe, expect, it } from "vitest";
import { actualWorkingDays, estimatedDays, mainSkill, ratioSamples } from "@/lib/planning/actual-ratios";
import { estimateAccuracy, percentile, ratioHistogram } from "@/lib/planning/estimate-accuracy";
import { doneFeature } from "./learning-fixtures";

const LABELS = {
  team: "Platform",
  skills: new Map([
    ["s-api", "Backend"],
    ["s-ui", "Frontend"],
  ]),
  people: new Map([["p-ana", "Ana"]]),
};

/** Ratios 0.5, 0.6 ... 1.4: ten features planned over 10 days that took 5 ... 14. */
const TEN = Array.from({ length: 10 }, (_, k) => doneFeature((5 + k) / 10));

describe("a done feature's ratio", () => {
  it("is actual working days over planned days x PERT mean / likely", () => {
    // Planned Mon 4 - Fri 15 January: 10 working days; PERT mean (40 + 320 + 180) / 6 = 90 h.
    const feature = doneFeature(1, {
      estimate: { optimisticHours: 40, likelyHours: 80, pessimisticHours: 180 },
      actualFinish: "2027-01-22", // three weeks: 15 working days
    });
    expect(estimatedDays(feature)).toBeCloseTo(11.25, 12);
    const [sample] = ratioSamples([feature]);
    expect(sample.actualDays).toBe(15);
    expect(sample.ratio).toBeCloseTo(15 / 11.25, 12);
  });

  it("counts working days with both ends, a weekend-only span as one day", () => {
    expect(actualWorkingDays("2027-01-04", "2027-01-04")).toBe(1);
    expect(actualWorkingDays("2027-01-08", "2027-01-11")).toBe(2); // Friday to Monday
    expect(actualWorkingDays("2027-01-09", "2027-01-10")).toBe(1); // Saturday to Sunday
  });

  it("leaves out features without an estimate or actual dates, or with the finish before the start", () => {
    const kept = doneFeature(1);
    const samples = ratioSamples([
      kept,
      doneFeature(1, { estimate: null }),
      doneFeature(1, { actualStart: null }),
      doneFeature(1, { actualFinish: null }),
      doneFeature(1, { actualStart: "2027-02-01", actualFinish: "2027-01-29" }),
    ]);
    expect(samples.map((s) => s.feature.id)).toEqual([kept.id]);
  });

  it("gives an hours ratio of logged hours over PERT mean hours where hours were logged", () => {
    const [logged, none] = ratioSamples([doneFeature(1, { loggedHours: 160 }), doneFeature(1)]);
    expect(logged.hoursRatio).toBe(2); // 160 h for an estimate of 80
    expect(none.hoursRatio).toBeNull();
  });

  it("takes the skill with the most hours as the main one, the first on a tie", () => {
    expect(mainSkill([])).toBeNull();
    expect(
      mainSkill([
        { skillId: "a", hours: 10 },
        { skillId: "b", hours: 30 },
        { skillId: "c", hours: 30 },
      ]),
    ).toBe("b");
    expect(mainSkill([{ skillId: "a", hours: 0 }])).toBeNull();
  });
});

describe("estimate accuracy", () => {
  it("gives the median and the 10th and 90th percentiles, interpolated between features", () => {
    const accuracy = estimateAccuracy({ features: TEN, by: "team", labels: LABELS });
    expect(accuracy.samples).toBe(10);
    expect(accuracy.medianRatio).toBeCloseTo(0.95, 12); // between the 5th and 6th: 0.9 and 1.0
    expect(accuracy.p10Ratio).toBeCloseTo(0.59, 12); // rank 0.9: 0.5 + 0.9 x 0.1
    expect(accuracy.p90Ratio).toBeCloseTo(1.31, 12); // rank 8.1: 1.3 + 0.1 x 0.1
    expect(accuracy.groups).toEqual([
      expect.objectContaining({
        key: "team",
        label: "Platform",
        samples: 10,
        medianRatio: accuracy.medianRatio,
      }),
    ]);
  });

  it("counts the ratios in fixed bins of 0.25 up to an open bin from 3", () => {
    const { histogram } = estimateAccuracy({
      features: [...TEN, doneFeature(3), doneFeature(5)],
      by: "team",
      labels: LABELS,
    });
    expect(histogram).toHaveLength(13);
    expect(histogram[0]).toEqual({ from: 0, to: 0.25, count: 0 });
    expect(histogram.map((b) => b.count)).toEqual([0, 0, 3, 2, 3, 2, 0, 0, 0, 0, 0, 0, 2]);
    expect(histogram[12]).toEqual({ from: 3, to: null, count: 2 });
    expect(ratioHistogram([]).every((b) => b.count === 0)).toBe(true);
  });

  it("lists the worst misses furthest from 1 on a log scale, early as well as late", () => {
    const { worst } = estimateAccuracy({ features: TEN, by: "team", labels: LABELS, worst: 5 });
    expect(worst.map((w) => w.ratio)).toEqual([0.5, 0.6, 0.7, 1.4, 1.3].map((r) => expect.closeTo(r, 12)));
    expect(worst[0]).toMatchObject({
      itemId: TEN[0].id,
      roadmapId: "old-roadmap",
      estimatedDays: 10,
      actualDays: 5,
    });
  });

  it("groups by main skill and by owner, most samples first, naming groups without one and ids no longer known", () => {
    const features = [
      ...Array.from({ length: 3 }, () =>
        doneFeature(2, { ownerId: "p-ana", skills: [{ skillId: "s-api", hours: 40 }] }),
      ),
      doneFeature(1, { ownerId: "p-gone", skills: [{ skillId: "s-ui", hours: 8 }] }),
      doneFeature(1.5, { skills: [{ skillId: "s-old", hours: 8 }] }),
      doneFeature(1),
    ];
    const bySkill = estimateAccuracy({ features, by: "skill", labels: LABELS });
    expect(bySkill.groups.map((g) => [g.key, g.label, g.samples, g.medianRatio])).toEqual([
      ["s-api", "Backend", 3, 2],
      ["s-old", "Deleted skill", 1, 1.5],
      ["s-ui", "Frontend", 1, 1],
      [null, "No skill", 1, 1],
    ]);
    const byPerson = estimateAccuracy({ features, by: "person", labels: LABELS });
    expect(byPerson.groups.map((g) => [g.key, g.label, g.samples])).toEqual([
      ["p-ana", "Ana", 3],
      [null, "No owner", 2],
      ["p-gone", "Former member", 1],
    ]);
    expect(byPerson.samples).toBe(6);
  });

  it("answers nulls and empty bars with no done features", () => {
    const accuracy = estimateAccuracy({ features: [], by: "skill", labels: LABELS });
    expect(accuracy).toMatchObject({
      samples: 0,
      medianRatio: null,
      p10Ratio: null,
      p90Ratio: null,
      groups: [],
    });
    expect(accuracy.worst).toEqual([]);
  });

  it("reports the hours ratio median where hours were logged", () => {
    const accuracy = estimateAccuracy({
      features: [doneFeature(1, { loggedHours: 40 }), doneFeature(1, { loggedHours: 120 }), doneFeature(1)],
      by: "team",
      labels: LABELS,
    });
    expect(accuracy.hoursSamples).toBe(2);
    expect(accuracy.hoursMedianRatio).toBe(1); // (0.5 + 1.5) / 2
  });
});

describe("percentile (type 7)", () => {
  it("interpolates linearly and keeps the ends", () => {
    const sorted = [1, 2, 3, 4];
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 1)).toBe(4);
    expect(percentile(sorted, 0.5)).toBe(2.5);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});
