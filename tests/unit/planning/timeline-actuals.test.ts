import { describe, expect, it } from "vitest";
import {
  baselineFromDiff,
  doneMark,
  itemProgress,
  slipDays,
  slippedItems,
  workingDaysAfter,
  type ProgressInput,
} from "@/lib/planning/timeline-actuals";

// 2027-03-01 is a Monday.
const feature = (over: Partial<ProgressInput> & { id?: string } = {}) => ({
  id: "f",
  kind: "feature" as const,
  status: "in_progress" as const,
  startDate: "2027-03-01",
  endDate: "2027-03-12",
  estimate: { optimisticHours: 20, likelyHours: 40, pessimisticHours: 60 },
  skills: [],
  actualStart: "2027-03-01",
  actualFinish: null,
  remainingHours: null,
  ...over,
});

describe("workingDaysAfter", () => {
  it("counts working days in (from, to], signed", () => {
    expect(workingDaysAfter("2027-03-05", "2027-03-08")).toBe(1); // Fri → Mon
    expect(workingDaysAfter("2027-03-05", "2027-03-06")).toBe(0); // Fri → Sat
    expect(workingDaysAfter("2027-03-08", "2027-03-05")).toBe(-1);
    expect(workingDaysAfter("2027-03-01", "2027-03-15")).toBe(10);
  });
});

describe("itemProgress", () => {
  it("is 1 for done and 0 for planned, cut and milestones", () => {
    expect(itemProgress(feature({ status: "done" }), "2027-03-03")).toBe(1);
    expect(itemProgress(feature({ status: "planned" }), "2027-03-10")).toBe(0);
    expect(itemProgress(feature({ status: "cut" }), "2027-03-10")).toBe(0);
    expect(itemProgress(feature({ kind: "milestone" }), "2027-03-10")).toBe(0);
    expect(itemProgress(feature({ status: "at_risk", actualStart: null }), "2027-03-10")).toBe(0);
  });

  it("reads remaining hours against the PERT mean", () => {
    // PERT mean (20 + 160 + 60) / 6 = 40 hours; 10 left → 75% done.
    expect(itemProgress(feature({ remainingHours: 10 }), "2027-03-02")).toBeCloseTo(0.75);
    expect(itemProgress(feature({ remainingHours: 80 }), "2027-03-02")).toBe(0);
    expect(itemProgress(feature({ remainingHours: 0 }), "2027-03-02")).toBe(0.95);
  });

  it("uses the skills' hours when there is no three-point estimate", () => {
    const item = feature({ estimate: null, skills: [{ hours: 30 }, { hours: 10 }], remainingHours: 30 });
    expect(itemProgress(item, "2027-03-02")).toBeCloseTo(0.25);
  });

  it("falls back to the working days gone since the actual start", () => {
    // 10 working days planned; from Mon 1st to Fri 5th, 4 working days have passed.
    expect(itemProgress(feature(), "2027-03-05")).toBeCloseTo(0.4);
    expect(itemProgress(feature({ actualStart: null }), "2027-03-05")).toBeCloseTo(0.4);
    expect(itemProgress(feature(), "2027-04-30")).toBe(0.95);
    expect(itemProgress(feature(), "2027-02-20")).toBe(0);
  });
});

describe("baseline, slip and done marks", () => {
  const items = [
    feature({ id: "same" }),
    feature({ id: "moved", endDate: "2027-03-16" }),
    feature({ id: "new" }),
  ];
  const baseline = baselineFromDiff(items, {
    moved: [{ id: "moved", fromStart: "2027-03-01", fromEnd: "2027-03-12" }],
    added: [{ id: "new" }],
  });

  it("takes a moved item's old dates, leaves added items out, keeps the rest", () => {
    expect(baseline.get("moved")).toEqual({ startDate: "2027-03-01", endDate: "2027-03-12" });
    expect(baseline.has("new")).toBe(false);
    expect(baseline.get("same")?.endDate).toBe("2027-03-12");
  });

  it("slips in working days, done work by its actual finish", () => {
    expect(slipDays(items[1], baseline.get("moved")!)).toBe(2); // Fri 12th → Tue 16th
    const doneLate = feature({ status: "done", actualFinish: "2027-03-17" });
    expect(slipDays(doneLate, { startDate: "2027-03-01", endDate: "2027-03-12" })).toBe(3);
    expect(slippedItems(items, baseline).map((i) => i.id)).toEqual(["moved"]);
  });

  it("marks done work late or early against the baseline, else the plan", () => {
    const base = { startDate: "2027-03-01", endDate: "2027-03-12" };
    expect(doneMark(feature({ status: "done", actualFinish: "2027-03-15" }), base)).toBe("late");
    expect(doneMark(feature({ status: "done", actualFinish: "2027-03-10" }), base)).toBe("early");
    expect(doneMark(feature({ status: "done", actualFinish: "2027-03-13" }), base)).toBeNull();
    expect(doneMark(feature({ status: "done", actualFinish: "2027-03-15" }), undefined)).toBe("late");
    expect(doneMark(feature({ status: "in_progress", actualFinish: null }), base)).toBeNull();
  });
});
