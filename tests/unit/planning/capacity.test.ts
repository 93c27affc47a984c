import { describe, expect, it } from "vitest";
import { computeCapacity, quartersOf, type CapacityInput, type CapacityItem } from "@/lib/planning/capacity";

// Working days of 2027, counted by hand on a calendar (2027-01-01 is a Friday):
//   Q1: Jan 21 + Feb 20 + Mar 23 = 64     Q2: Apr 22 + May 21 + Jun 22 = 65
//   Q3: Jul 22 + Aug 22 + Sep 22 = 66     Q4: Oct 21 + Nov 22 + Dec 23 = 66

const A = "skill-a";
const B = "skill-b";

let counter = 0;
function feature(startDate: string, endDate: string, fields: Partial<CapacityItem> = {}): CapacityItem {
  return {
    id: `item-${++counter}`,
    workstreamId: null,
    startDate,
    endDate,
    status: "planned",
    kind: "feature",
    estimate: null,
    skills: [],
    ...fields,
  };
}

function input(fields: Partial<CapacityInput> = {}): CapacityInput {
  return {
    startDate: "2027-01-01",
    horizonMonths: 12,
    items: [],
    workstreams: [],
    skills: [
      { id: A, name: "Backend" },
      { id: B, name: "Design" },
    ],
    staffing: [],
    hiringLeadWeeks: 8,
    ...fields,
  };
}

function cell(result: ReturnType<typeof computeCapacity>, skillId: string, quarter: string) {
  const found = result.skills.find((s) => s.skillId === skillId)?.quarters.find((q) => q.quarter === quarter);
  if (!found) throw new Error(`no cell ${skillId} ${quarter}`);
  return found;
}

function demand(result: ReturnType<typeof computeCapacity>, skillId: string): number[] {
  return result.skills.find((s) => s.skillId === skillId)!.quarters.map((q) => q.demandHours);
}

describe("quartersOf", () => {
  it("lists every calendar quarter the horizon touches", () => {
    expect(quartersOf("2027-01-01", 12)).toEqual(["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    // 2027-02-15 + 6 months ends on 2027-08-14: three quarters, the first and last partial.
    expect(quartersOf("2027-02-15", 6)).toEqual(["2027-Q1", "2027-Q2", "2027-Q3"]);
    expect(quartersOf("2027-11-20", 3)).toEqual(["2027-Q4", "2028-Q1"]);
    expect(quartersOf("2027-03-31", 1)).toEqual(["2027-Q1", "2027-Q2"]);
  });

  it("is empty for a zero-month horizon and refuses a negative or fractional one", () => {
    expect(quartersOf("2027-01-01", 0)).toEqual([]);
    expect(() => quartersOf("2027-01-01", -1)).toThrow(RangeError);
    expect(() => quartersOf("2027-01-01", 1.5)).toThrow(RangeError);
    expect(() => quartersOf("2027-02-30", 12)).toThrow(RangeError);
  });
});

describe("demand", () => {
  // 2027-03-29 (Mon) to 2027-04-09 (Fri): Mar 29, 30, 31 in Q1; Apr 1, 2, 5-9 in Q2; 10 working days.
  const across = () =>
    feature("2027-03-29", "2027-04-09", {
      workstreamId: "lane-1",
      estimate: { optimisticHours: 100, likelyHours: 160, pessimisticHours: 280 },
      skills: [
        { skillId: A, hours: 100 },
        { skillId: B, hours: 50 },
      ],
    });

  it("splits a feature across a quarter boundary by working days, per skill", () => {
    const result = computeCapacity(
      input({ items: [across()], workstreams: [{ id: "lane-1", name: "Core" }] }),
    );
    expect(result.quarters).toEqual(["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    // A: 100 h x 3/10 and x 7/10; B: 50 h likewise.
    expect(demand(result, A)).toEqual([30, 70, 0, 0]);
    expect(demand(result, B)).toEqual([15, 35, 0, 0]);
  });

  it("gives lanes the PERT mean and counts estimate hours not asked of any skill as unassigned", () => {
    const result = computeCapacity(
      input({ items: [across()], workstreams: [{ id: "lane-1", name: "Core" }] }),
    );
    // PERT (100 + 4 x 160 + 280) / 6 = 170 h, 51 in Q1 and 119 in Q2.
    expect(result.workstreams).toEqual([
      {
        workstreamId: "lane-1",
        name: "Core",
        quarters: [
          { quarter: "2027-Q1", hours: 51 },
          { quarter: "2027-Q2", hours: 119 },
          { quarter: "2027-Q3", hours: 0 },
          { quarter: "2027-Q4", hours: 0 },
        ],
      },
    ]);
    // 170 - (100 + 50) = 20 h unassigned: 6 in Q1, 14 in Q2.
    expect(result.unassigned.map((u) => u.hours)).toEqual([6, 14, 0, 0]);
  });

  it("uses the skill hours for a lane when the item has no estimate, and never a negative unassigned", () => {
    const noEstimate = feature("2027-01-04", "2027-01-08", { skills: [{ skillId: A, hours: 40 }] });
    const underEstimated = feature("2027-01-04", "2027-01-08", {
      estimate: { optimisticHours: 10, likelyHours: 10, pessimisticHours: 10 },
      skills: [{ skillId: B, hours: 30 }],
    });
    const result = computeCapacity(input({ items: [noEstimate, underEstimated] }));
    expect(result.workstreams[0].quarters[0].hours).toBe(50); // 40 + PERT 10
    expect(result.unassigned[0].hours).toBe(0);
  });

  it("puts items without a lane under 'No lane', after the lanes, and only when there are some", () => {
    const lanes = [{ id: "lane-1", name: "Core" }];
    const inLane = feature("2027-01-04", "2027-01-08", {
      workstreamId: "lane-1",
      skills: [{ skillId: A, hours: 10 }],
    });
    const noLane = feature("2027-01-04", "2027-01-08", { skills: [{ skillId: A, hours: 7 }] });
    const both = computeCapacity(input({ items: [inLane, noLane], workstreams: lanes }));
    expect(both.workstreams.map((w) => [w.workstreamId, w.name, w.quarters[0].hours])).toEqual([
      ["lane-1", "Core", 10],
      [null, "No lane", 7],
    ]);
    const laned = computeCapacity(input({ items: [inLane], workstreams: lanes }));
    expect(laned.workstreams.map((w) => w.workstreamId)).toEqual(["lane-1"]);
  });

  it("ignores cut items and milestones", () => {
    const hours = { skills: [{ skillId: A, hours: 100 }] };
    const result = computeCapacity(
      input({
        items: [
          feature("2027-01-04", "2027-01-08", { ...hours, status: "cut" }),
          feature("2027-01-04", "2027-01-04", { ...hours, kind: "milestone" }),
          feature("2027-01-04", "2027-01-08", { ...hours, status: "done" }),
        ],
      }),
    );
    expect(demand(result, A)).toEqual([100, 0, 0, 0]); // only the done feature
    expect(result.workstreams).toEqual([
      { workstreamId: null, name: "No lane", quarters: expect.any(Array) },
    ]);
    expect(result.workstreams[0].quarters[0].hours).toBe(100);
  });

  it("clips items to the horizon, dropping the hours outside it", () => {
    // 2026-12-28 (Mon) to 2027-01-08 (Fri): 10 working days, 6 of them (Jan 1, 4-8) in the horizon.
    const before = feature("2026-12-28", "2027-01-08", { skills: [{ skillId: A, hours: 100 }] });
    // 2027-12-27 (Mon) to 2028-01-07 (Fri): 10 working days, 5 of them (Dec 27-31) in the horizon.
    const after = feature("2027-12-27", "2028-01-07", { skills: [{ skillId: A, hours: 100 }] });
    const outside = feature("2026-06-01", "2026-06-30", { skills: [{ skillId: A, hours: 100 }] });
    const result = computeCapacity(input({ items: [before, after, outside] }));
    expect(demand(result, A)).toEqual([60, 0, 0, 50]);
  });

  it("counts a weekend-only feature on the following Monday", () => {
    // 2027-03-27/28 is a weekend; the Monday after (2027-03-29) is still in Q1.
    const weekend = feature("2027-03-27", "2027-03-28", { skills: [{ skillId: A, hours: 8 }] });
    // 2027-07-03/04 is a weekend; the Monday after (2027-07-05) is in Q3.
    const weekend2 = feature("2027-07-03", "2027-07-04", { skills: [{ skillId: A, hours: 4 }] });
    expect(demand(computeCapacity(input({ items: [weekend, weekend2] })), A)).toEqual([8, 0, 4, 0]);
  });

  it("rounds hours to one decimal", () => {
    // 100 h over 3 working days (Mon-Wed), all in Q1.
    const item = feature("2027-01-04", "2027-01-06", {
      estimate: { optimisticHours: 1, likelyHours: 1, pessimisticHours: 2 },
      skills: [{ skillId: A, hours: 100 / 3 }],
    });
    const result = computeCapacity(input({ items: [item] }));
    expect(cell(result, A, "2027-Q1").demandHours).toBe(33.3);
    expect(result.workstreams[0].quarters[0].hours).toBe(1.2); // 7 / 6 = 1.1666...
  });
});

describe("capacity and gaps", () => {
  it("gives every skill a cell in every quarter, with no demand and no plan as zeros", () => {
    const result = computeCapacity(input());
    expect(result.skills.map((s) => [s.skillId, s.name, s.quarters.length])).toEqual([
      [A, "Backend", 4],
      [B, "Design", 4],
    ]);
    expect(cell(result, B, "2027-Q3")).toEqual({
      quarter: "2027-Q3",
      demandHours: 0,
      capacityHours: 0,
      gapHours: 0,
      overAllocated: false,
    });
    expect(result.rampUp).toEqual([]);
    expect(result.workstreams).toEqual([]);
    expect(result.hiringLeadWeeks).toBe(8);
  });

  it("counts only the working days of a partial first and last quarter inside the horizon", () => {
    // 2027-02-15 (Mon) + 6 months: Q1 from Feb 15 (Feb 15-26: 10 + March: 23 = 33 working days),
    // Q3 to Aug 14 (July: 22 + Aug 2-13: 10 = 32 working days).
    const result = computeCapacity(
      input({
        startDate: "2027-02-15",
        horizonMonths: 6,
        staffing: [
          { skillId: A, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 40 },
          { skillId: A, quarter: "2027-Q2", headcount: 1, hoursPerWeek: 40 },
          { skillId: A, quarter: "2027-Q3", headcount: 1, hoursPerWeek: 30 },
          { skillId: A, quarter: "2027-Q4", headcount: 9, hoursPerWeek: 40 }, // outside: ignored
        ],
      }),
    );
    expect(result.quarters).toEqual(["2027-Q1", "2027-Q2", "2027-Q3"]);
    expect(cell(result, A, "2027-Q1").capacityHours).toBe(528); // 2 x 40 x 33/5
    expect(cell(result, A, "2027-Q2").capacityHours).toBe(520); // 1 x 40 x 65/5
    expect(cell(result, A, "2027-Q3").capacityHours).toBe(192); // 1 x 30 x 32/5
    expect(cell(result, A, "2027-Q3").gapHours).toBe(-192);
  });

  it("flags an over-allocated quarter and suggests the people to add, with the date to start hiring", () => {
    // Q1: 1500 h of A against 1 x 40 h x 64/5 = 512 h; one person gives 512 h.
    const result = computeCapacity(
      input({
        items: [feature("2027-01-01", "2027-03-31", { skills: [{ skillId: A, hours: 1500 }] })],
        staffing: [{ skillId: A, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 }],
      }),
    );
    expect(cell(result, A, "2027-Q1")).toEqual({
      quarter: "2027-Q1",
      demandHours: 1500,
      capacityHours: 512,
      gapHours: 988,
      overAllocated: true,
    });
    // ceil(988 / 512) = 2; 2027-01-01 minus 8 weeks (56 days) = 2026-11-06.
    expect(result.rampUp).toEqual([
      { skillId: A, quarter: "2027-Q1", addHeadcount: 2, startBy: "2026-11-06" },
    ]);
  });

  it("keeps people suggested for Q2 for the later quarters, adding only the difference", () => {
    // Skill B has no plan: one person gives 40 x 0.8 = 32 h a week.
    const result = computeCapacity(
      input({
        items: [
          feature("2027-04-01", "2027-06-30", { skills: [{ skillId: B, hours: 3000 }] }),
          feature("2027-07-01", "2027-09-30", { skills: [{ skillId: B, hours: 2000 }] }),
          feature("2027-10-01", "2027-12-31", { skills: [{ skillId: B, hours: 4000 }] }),
        ],
      }),
    );
    // Q2: 32 x 65/5 = 416 h a person, ceil(3000 / 416) = ceil(7.2) = 8, hire from 2027-04-01 - 56 days.
    // Q3: 32 x 66/5 = 422.4 h, ceil(2000 / 422.4) = 5 <= 8 already suggested: nothing more.
    // Q4: ceil(4000 / 422.4) = ceil(9.47) = 10, so 2 more, from 2027-10-01 - 56 days.
    expect(cell(result, B, "2027-Q3").overAllocated).toBe(true);
    expect(result.rampUp).toEqual([
      { skillId: B, quarter: "2027-Q2", addHeadcount: 8, startBy: "2027-02-04" },
      { skillId: B, quarter: "2027-Q4", addHeadcount: 2, startBy: "2027-08-06" },
    ]);
  });

  it("sizes a hire by the quarter's planned hours a week, even with zero headcount", () => {
    // Q2 plan: nobody at 30 h a week: no capacity; one person gives 30 x 65/5 = 390 h.
    const result = computeCapacity(
      input({
        hiringLeadWeeks: 0,
        items: [feature("2027-04-01", "2027-06-30", { skills: [{ skillId: A, hours: 800 }] })],
        staffing: [{ skillId: A, quarter: "2027-Q2", headcount: 0, hoursPerWeek: 30 }],
      }),
    );
    expect(cell(result, A, "2027-Q2")).toMatchObject({
      capacityHours: 0,
      gapHours: 800,
      overAllocated: true,
    });
    // ceil(800 / 390) = 3; no lead time: start on the quarter's first day.
    expect(result.rampUp).toEqual([
      { skillId: A, quarter: "2027-Q2", addHeadcount: 3, startBy: "2027-04-01" },
    ]);
  });

  it("falls back to 32 h a week when the planned row has 0 h a week", () => {
    const result = computeCapacity(
      input({
        items: [feature("2027-04-01", "2027-06-30", { skills: [{ skillId: A, hours: 800 }] })],
        staffing: [{ skillId: A, quarter: "2027-Q2", headcount: 5, hoursPerWeek: 0 }],
      }),
    );
    expect(cell(result, A, "2027-Q2").capacityHours).toBe(0);
    // 800 / 416 = 1.92 -> 2.
    expect(result.rampUp).toMatchObject([{ quarter: "2027-Q2", addHeadcount: 2 }]);
  });

  it("counts hiring lead time from the horizon start when the first quarter is partial", () => {
    // Horizon from 2027-02-15: Q1 has 33 working days; one default person gives 32 x 6.6 = 211.2 h.
    const result = computeCapacity(
      input({
        startDate: "2027-02-15",
        horizonMonths: 6,
        hiringLeadWeeks: 4,
        items: [feature("2027-02-15", "2027-03-31", { skills: [{ skillId: A, hours: 300 }] })],
      }),
    );
    // ceil(300 / 211.2) = 2, from 2027-02-15 minus 28 days.
    expect(result.rampUp).toEqual([
      { skillId: A, quarter: "2027-Q1", addHeadcount: 2, startBy: "2027-01-18" },
    ]);
  });

  it("treats a gap of at most half an hour as float noise", () => {
    // 512.4 h against 512 h of capacity: short by 0.4 h, not over-allocated.
    const result = computeCapacity(
      input({
        items: [feature("2027-01-01", "2027-03-31", { skills: [{ skillId: A, hours: 512.4 }] })],
        staffing: [{ skillId: A, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 }],
      }),
    );
    expect(cell(result, A, "2027-Q1")).toMatchObject({ gapHours: 0.4, overAllocated: false });
    expect(result.rampUp).toEqual([]);
    // 512 h + 0.3 h noise over a second person's 512 h still asks for one person, not two.
    const result2 = computeCapacity(
      input({
        items: [feature("2027-01-01", "2027-03-31", { skills: [{ skillId: A, hours: 1024.3 }] })],
        staffing: [{ skillId: A, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 }],
      }),
    );
    expect(result2.rampUp).toMatchObject([{ addHeadcount: 1 }]);
  });
});

describe("edge cases", () => {
  it("answers a zero-month horizon with no quarters", () => {
    const result = computeCapacity(
      input({
        horizonMonths: 0,
        items: [feature("2027-01-04", "2027-01-08", { skills: [{ skillId: A, hours: 10 }] })],
        workstreams: [{ id: "lane-1", name: "Core" }],
        staffing: [{ skillId: A, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 }],
      }),
    );
    expect(result).toEqual({
      quarters: [],
      skills: [
        { skillId: A, name: "Backend", quarters: [] },
        { skillId: B, name: "Design", quarters: [] },
      ],
      workstreams: [
        { workstreamId: "lane-1", name: "Core", quarters: [] },
        { workstreamId: null, name: "No lane", quarters: [] },
      ],
      unassigned: [],
      rampUp: [],
      hiringLeadWeeks: 8,
    });
  });

  it("gives a quarter the horizon touches only on a weekend no capacity and no demand", () => {
    // 2027-07-02 + 12 months ends on 2028-07-01, a Saturday: 2028-Q3 has no working day inside.
    // 2028-06-26 (Mon) to 2028-07-07 (Fri): 10 working days, 5 of them in 2028-Q2.
    const result = computeCapacity(
      input({
        startDate: "2027-07-02",
        items: [feature("2028-06-26", "2028-07-07", { skills: [{ skillId: A, hours: 900 }] })],
        staffing: [{ skillId: A, quarter: "2028-Q3", headcount: 3, hoursPerWeek: 40 }],
      }),
    );
    expect(result.quarters.at(-1)).toBe("2028-Q3");
    expect(cell(result, A, "2028-Q2").demandHours).toBe(450);
    expect(cell(result, A, "2028-Q3")).toMatchObject({
      demandHours: 0,
      capacityHours: 0,
      overAllocated: false,
    });
    expect(result.rampUp.map((r) => r.quarter)).toEqual(["2028-Q2"]);
  });

  it("refuses inconsistent input", () => {
    const item = (fields: Partial<CapacityItem>) =>
      input({ items: [feature("2027-01-04", "2027-01-08", fields)] });
    expect(() => computeCapacity(item({ skills: [{ skillId: "nope", hours: 1 }] }))).toThrow(/unknown skill/);
    expect(() => computeCapacity(item({ workstreamId: "nope" }))).toThrow(/unknown lane/);
    expect(() => computeCapacity(item({ skills: [{ skillId: A, hours: -1 }] }))).toThrow(RangeError);
    expect(() =>
      computeCapacity(item({ estimate: { optimisticHours: 1, likelyHours: NaN, pessimisticHours: 2 } })),
    ).toThrow(RangeError);
    expect(() => computeCapacity(item({ startDate: "2027-13-01" }))).toThrow(RangeError);
    const row = { skillId: A, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 };
    expect(() => computeCapacity(input({ staffing: [row, row] }))).toThrow(/two staffing rows/);
    expect(() => computeCapacity(input({ staffing: [{ ...row, skillId: "nope" }] }))).toThrow(
      /unknown skill/,
    );
    expect(() => computeCapacity(input({ staffing: [{ ...row, headcount: -1 }] }))).toThrow(RangeError);
    expect(() => computeCapacity(input({ hiringLeadWeeks: 1.5 }))).toThrow(RangeError);
    expect(() =>
      computeCapacity(
        input({
          skills: [
            { id: A, name: "x" },
            { id: A, name: "y" },
          ],
        }),
      ),
    ).toThrow(/duplicate skill/);
  });
});

describe("conservation", () => {
  it("spreads exactly the hours of items inside the horizon, whatever their dates", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const items: CapacityItem[] = [];
    let skillTotal = 0;
    let laneTotal = 0;
    for (let i = 0; i < 500; i++) {
      // Starts from 2027-01-04 (Mon) on, at most 200 + 60 days later: well inside 2027-2028.
      const start = new Date(Date.UTC(2027, 0, 4 + Math.floor(rnd() * 200)));
      const end = new Date(start.getTime() + Math.floor(rnd() * 60) * 86_400_000);
      const hours = Math.round(rnd() * 1000) / 4;
      const estimate = rnd() < 0.5 ? { optimisticHours: 10, likelyHours: 20, pessimisticHours: 60 } : null;
      items.push(
        feature(start.toISOString().slice(0, 10), end.toISOString().slice(0, 10), {
          estimate,
          skills: [{ skillId: rnd() < 0.5 ? A : B, hours }],
        }),
      );
      skillTotal += hours;
      laneTotal += estimate ? 25 : hours;
    }
    const result = computeCapacity(input({ horizonMonths: 24, items }));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const demandTotal = sum(result.skills.flatMap((s) => s.quarters.map((q) => q.demandHours)));
    // Each rounded cell is off by at most 0.05 h.
    expect(Math.abs(demandTotal - skillTotal)).toBeLessThanOrEqual(0.05 * 2 * 8);
    expect(Math.abs(sum(result.workstreams[0].quarters.map((q) => q.hours)) - laneTotal)).toBeLessThanOrEqual(
      0.4,
    );
  });
});
