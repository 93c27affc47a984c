import { describe, expect, it } from "vitest";
import { computeCapacity, type CapacityInput, type CapacityItem } from "@/lib/planning/capacity";
import { computePhaseCapacity, type CapacityPhase } from "@/lib/planning/phase-capacity";

// 2027-01-01 is a Friday. Working days: January 21, February 20, March 23 (Q1 = 64).
const A = "skill-a";
const B = "skill-b";

const feature = (
  id: string,
  startDate: string,
  endDate: string,
  skills: CapacityItem["skills"],
): CapacityItem => ({
  id,
  workstreamId: null,
  startDate,
  endDate,
  status: "planned",
  kind: "feature",
  estimate: null,
  skills,
});

const input = (fields: Partial<CapacityInput> = {}): CapacityInput => ({
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
});

const phases: CapacityPhase[] = [
  { id: "p1", name: "Discovery", startDate: "2027-01-01", endDate: "2027-01-31" },
  { id: "p2", name: "Build", startDate: "2027-02-01", endDate: "2027-06-30" },
];

function run(fields: Partial<CapacityInput>, list = phases) {
  const i = input(fields);
  return computePhaseCapacity(i, list, computeCapacity(i));
}

describe("computePhaseCapacity", () => {
  it("splits a feature across two phases by working days", () => {
    // 2027-01-25 (Mon) .. 2027-02-05 (Fri): 5 working days in January, 5 in February.
    const { byPhase } = run({
      items: [feature("f", "2027-01-25", "2027-02-05", [{ skillId: A, hours: 100 }])],
    });
    expect(byPhase.map((p) => p.skills.find((c) => c.skillId === A)!.demandHours)).toEqual([50, 50]);
    expect(byPhase.map((p) => p.demandHours)).toEqual([50, 50]);
  });

  it("counts capacity for the working days of each quarter inside the phase", () => {
    // 2 people x 30 h/week in Q1: January (21 days) gives 2 x 30 x 21/5 = 252 h.
    // Build: February + March of Q1 (43 days) = 516 h, plus Q2 (65 days) at 1 x 40 h = 520 h.
    const { byPhase } = run({
      staffing: [
        { skillId: A, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 30 },
        { skillId: A, quarter: "2027-Q2", headcount: 1, hoursPerWeek: 40 },
      ],
    });
    expect(byPhase[0].skills[0]).toMatchObject({
      skillId: A,
      capacityHours: 252,
      gapHours: -252,
      overAllocated: false,
    });
    expect(byPhase[1].skills[0].capacityHours).toBe(1036);
    expect(byPhase[1].skills[1].capacityHours).toBe(0);
  });

  it("names the phase each ramp-up row staffs: the one short of the skill in that quarter", () => {
    // 400 h of Design in February only: Build is short in Q1; Discovery is not.
    const result = run({ items: [feature("f", "2027-02-01", "2027-02-26", [{ skillId: B, hours: 400 }])] });
    const capacity = computeCapacity(
      input({ items: [feature("f", "2027-02-01", "2027-02-26", [{ skillId: B, hours: 400 }])] }),
    );
    expect(capacity.rampUp).toMatchObject([{ skillId: B, quarter: "2027-Q1" }]);
    expect(result.rampUpPhaseIds).toEqual(["p2"]);
    expect(result.byPhase[1].skills[1]).toMatchObject({ demandHours: 400, overAllocated: true });
  });

  it("falls back to the phase covering most of the quarter, or null where no phase is", () => {
    const items = [feature("f", "2027-08-02", "2027-08-27", [{ skillId: A, hours: 300 }])];
    expect(run({ items }).rampUpPhaseIds).toEqual([null]);
    const summer = [{ id: "p3", name: "Launch", startDate: "2027-07-01", endDate: "2027-07-31" }];
    expect(run({ items }, summer).rampUpPhaseIds).toEqual(["p3"]);
  });

  it("drops hours outside every phase and clips phases to the horizon", () => {
    const items = [feature("f", "2027-07-05", "2027-07-09", [{ skillId: A, hours: 40 }])];
    const { byPhase } = run({ items }, [
      { id: "late", name: "Beyond", startDate: "2027-12-01", endDate: "2028-06-30" },
    ]);
    expect(byPhase[0].demandHours).toBe(0);
  });
});
