import { describe, expect, it } from "vitest";
import { headcountSeries } from "@/components/resources/headcount-series";
import { toDayNumber } from "@/lib/planning/calendar";

// 2027-01-04 for 6 months: Q1 from Jan 4 has 63 working days, Q2 65; the horizon ends 2027-07-03,
// which touches Q3 (Jul 1-2: 2 working days).
const roadmap = { startDate: "2027-01-04", horizonMonths: 6 };
const quarters = (demand: number[]) =>
  demand.map((demandHours, i) => ({
    quarter: ["2027-Q1", "2027-Q2", "2027-Q3"][i],
    demandHours,
    capacityHours: 0,
    gapHours: demandHours,
    overAllocated: demandHours > 0.5,
  }));
const capacity = {
  skills: [
    { skillId: "be", name: "Backend", quarters: quarters([1008, 520, 0]) },
    { skillId: "de", name: "Design", quarters: quarters([0, 416, 0]) },
  ],
};
const plan = {
  rows: [
    { skillId: "be", quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 },
    { skillId: "be", quarter: "2027-Q2", headcount: 2, hoursPerWeek: 40 },
  ],
};

describe("headcountSeries", () => {
  it("one skill: people planned, and demand over one person's planned hours a week", () => {
    const points = headcountSeries(capacity, plan, roadmap, "be");
    expect(points.map(({ quarter, planned, needed }) => ({ quarter, planned, needed }))).toEqual([
      // 1,008 h over 40 h x 63 / 5 = 504 h a person.
      { quarter: "2027-Q1", planned: 1, needed: 2 },
      // 520 h over 40 h x 65 / 5 = 520 h.
      { quarter: "2027-Q2", planned: 2, needed: 1 },
      { quarter: "2027-Q3", planned: 0, needed: 0 },
      // The closing point repeats the last quarter the day after the horizon.
      { quarter: "2027-Q3", planned: 0, needed: 0 },
    ]);
    expect(points[0].day).toBe(toDayNumber("2027-01-04"));
    expect(points.at(-1)!.day).toBe(toDayNumber("2027-07-04"));
  });

  it("all skills: sums them; a skill with no plan counts one person at the ramp-up's 32 h a week", () => {
    const points = headcountSeries(capacity, plan, roadmap, null);
    // Q2: Backend 1 needed; Design 416 h over 32 h x 65 / 5 = 416 h: 1 more.
    expect(points[1]).toMatchObject({ quarter: "2027-Q2", planned: 2, needed: 2 });
  });
});
