import { describe, expect, it } from "vitest";
import { skillDemand, staffingGaps } from "@/lib/planning/dashboard-staffing";
import type { QuarterlyCapacity } from "@/lib/validation/resources";

const cell = (quarter: string, demandHours: number, capacityHours: number) => ({
  quarter,
  demandHours,
  capacityHours,
  gapHours: Math.round((demandHours - capacityHours) * 10) / 10,
  overAllocated: demandHours - capacityHours > 0.5,
});

const capacity: QuarterlyCapacity = {
  quarters: ["2027-Q1", "2027-Q2", "2027-Q3"],
  skills: [
    // Short in Q1 (100) and Q3 (250.5); Q2's surplus does not offset them.
    {
      skillId: "be",
      name: "Backend",
      quarters: [cell("2027-Q1", 612, 512), cell("2027-Q2", 100, 520), cell("2027-Q3", 778.5, 528)],
    },
    // Within the tolerance: not short.
    {
      skillId: "de",
      name: "Design",
      quarters: [cell("2027-Q1", 100.4, 100), cell("2027-Q2", 0, 0), cell("2027-Q3", 0, 0)],
    },
    {
      skillId: "qa",
      name: "QA",
      quarters: [cell("2027-Q1", 0, 0), cell("2027-Q2", 400, 0), cell("2027-Q3", 0, 0)],
    },
    {
      skillId: "ux",
      name: "Research",
      quarters: [cell("2027-Q1", 0, 0), cell("2027-Q2", 0, 0), cell("2027-Q3", 0, 0)],
    },
  ],
  workstreams: [],
  unassigned: [],
  rampUp: [
    { skillId: "be", quarter: "2027-Q1", addHeadcount: 1, startBy: "2026-11-06" },
    { skillId: "qa", quarter: "2027-Q2", addHeadcount: 1, startBy: "2027-02-04" },
    { skillId: "be", quarter: "2027-Q3", addHeadcount: 1, startBy: "2027-05-06" },
  ],
  hiringLeadWeeks: 8,
};

describe("staffingGaps", () => {
  it("sums the positive quarterly gaps, names the worst quarter, adds the ramp-up's people; largest first", () => {
    expect(staffingGaps(capacity)).toEqual([
      { skillId: "qa", skill: "QA", worstQuarter: "2027-Q2", gapHours: 400, addHeadcount: 1 },
      { skillId: "be", skill: "Backend", worstQuarter: "2027-Q3", gapHours: 350.5, addHeadcount: 2 },
    ]);
  });

  it("no shortage: an empty list", () => {
    expect(staffingGaps({ ...capacity, skills: capacity.skills.slice(1, 2), rampUp: [] })).toEqual([]);
  });
});

describe("skillDemand", () => {
  it("per skill and quarter demand and capacity, skills with neither left out", () => {
    const rows = skillDemand(capacity);
    expect(rows.map((r) => r.skill)).toEqual(["Backend", "Design", "QA"]);
    expect(rows[0].quarters[2]).toEqual({ quarter: "2027-Q3", demandHours: 778.5, capacityHours: 528 });
  });
});
