import { describe, expect, it } from "vitest";
import { computeSchedule } from "@/lib/planning/schedule";

const START = "2027-01-04"; // a Monday

function schedule(
  items: { id: string; kind: "feature" | "milestone"; startDate: string; endDate: string }[],
  links: [string, string, number?][],
) {
  const result = computeSchedule({
    projectStart: START,
    items,
    dependencies: links.map(([fromId, toId, lagDays = 0]) => ({ fromId, toId, lagDays })),
  });
  return new Map(result.items.map((i) => [i.id, i]));
}

describe("the projected plan: planned dates pushed by dependencies", () => {
  it("a feature planned later pushes the milestone that waits on it past its date", () => {
    const onTime = schedule(
      [
        { id: "a", kind: "feature", startDate: "2027-01-04", endDate: "2027-01-15" },
        { id: "m", kind: "milestone", startDate: "2027-01-15", endDate: "2027-01-15" },
      ],
      [["a", "m"]],
    );
    expect(onTime.get("m")).toMatchObject({
      projectedFinish: "2027-01-15",
      plannedTargetMissed: false,
      targetMissed: false,
    });

    const late = schedule(
      [
        { id: "a", kind: "feature", startDate: "2027-01-18", endDate: "2027-01-29" },
        { id: "m", kind: "milestone", startDate: "2027-01-15", endDate: "2027-01-15" },
      ],
      [["a", "m"]],
    );
    expect(late.get("a")).toMatchObject({ projectedStart: "2027-01-18", projectedFinish: "2027-01-29" });
    // CPM alone ignores the planned start, so only the projection sees the miss.
    expect(late.get("m")).toMatchObject({
      projectedFinish: "2027-01-29",
      plannedTargetMissed: true,
      targetMissed: false,
    });
  });

  it("a successor planned too early is pushed after its predecessor plus lag, keeping its length", () => {
    const s = schedule(
      [
        { id: "a", kind: "feature", startDate: "2027-01-11", endDate: "2027-01-15" },
        { id: "b", kind: "feature", startDate: "2027-01-04", endDate: "2027-01-06" },
      ],
      [["a", "b", 2]],
    );
    expect(s.get("b")).toMatchObject({
      projectedStart: "2027-01-20",
      projectedFinish: "2027-01-22",
      plannedStartViolation: true,
    });
    expect(s.get("a")).toMatchObject({ projectedStart: "2027-01-11", projectedFinish: "2027-01-15" });
  });

  it("without dependencies the projection is the plan itself", () => {
    const s = schedule([{ id: "a", kind: "feature", startDate: "2027-03-01", endDate: "2027-03-12" }], []);
    expect(s.get("a")).toMatchObject({ projectedStart: "2027-03-01", projectedFinish: "2027-03-12" });
  });
});
