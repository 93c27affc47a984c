import { describe, expect, it } from "vitest";
import { endDateAfter } from "@/lib/planning/item-dates";

describe("endDateAfter: a milestone moves as a whole", () => {
  const milestone = { kind: "milestone" as const, endDate: "2027-03-01" };
  const feature = { kind: "feature" as const, endDate: "2027-03-26" };

  it("a milestone given a new start date ends on it", () => {
    expect(endDateAfter(milestone, { startDate: "2027-03-08" })).toBe("2027-03-08");
  });

  it("a feature given a new start date keeps its end date", () => {
    expect(endDateAfter(feature, { startDate: "2027-03-08" })).toBe("2027-03-26");
  });

  it("a feature turned into a milestone with a start date ends on it", () => {
    expect(endDateAfter(feature, { kind: "milestone", startDate: "2027-03-08" })).toBe("2027-03-08");
  });

  it("an explicit end date wins, and a patch without dates keeps the old one", () => {
    expect(endDateAfter(milestone, { startDate: "2027-03-08", endDate: "2027-03-09" })).toBe("2027-03-09");
    expect(endDateAfter(milestone, {})).toBe("2027-03-01");
  });
});
