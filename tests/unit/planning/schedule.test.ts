import { describe, expect, it } from "vitest";
import {
  computeSchedule,
  CycleError,
  plannedDurationDays,
  type Schedule,
  type ScheduledItem,
  type ScheduleInput,
  type ScheduleItemInput,
} from "@/lib/planning/schedule";

// 2027-01-04 is a Monday; offset k is the k-th working day after it (01-11 is offset 5).
const START = "2027-01-04";

const feature = (id: string, startDate: string, endDate: string): ScheduleItemInput => ({
  id,
  kind: "feature",
  startDate,
  endDate,
});
const milestone = (id: string, date: string): ScheduleItemInput => ({
  id,
  kind: "milestone",
  startDate: date,
  endDate: date,
});
const dep = (fromId: string, toId: string, lagDays = 0) => ({ fromId, toId, lagDays });

function schedule(
  items: ScheduleItemInput[],
  dependencies: ScheduleInput["dependencies"] = [],
  projectStart = START,
) {
  return computeSchedule({ projectStart, items, dependencies });
}

function item(result: Schedule, id: string): ScheduledItem {
  const found = result.items.find((x) => x.id === id);
  if (!found) throw new Error(`no item ${id} in the schedule`);
  return found;
}

/** earlyStart, earlyFinish, lateStart, lateFinish, slack */
function times(result: Schedule, id: string): [string, string, string, string, number] {
  const x = item(result, id);
  return [x.earlyStart, x.earlyFinish, x.lateStart, x.lateFinish, x.totalSlackDays];
}

describe("computeSchedule on hand-checked networks", () => {
  it("chains features into a milestone", () => {
    const result = schedule(
      [
        feature("A", "2027-01-04", "2027-01-08"),
        feature("B", "2027-01-11", "2027-01-13"),
        milestone("M", "2027-01-13"),
      ],
      [dep("A", "B"), dep("B", "M")],
    );
    expect(result.calendar).toBe("mon-fri");
    expect(result.projectStart).toBe("2027-01-04");
    expect(result.projectFinish).toBe("2027-01-13");
    expect(times(result, "A")).toEqual(["2027-01-04", "2027-01-08", "2027-01-04", "2027-01-08", 0]);
    // lag 0: the successor starts the next working day, after the weekend
    expect(times(result, "B")).toEqual(["2027-01-11", "2027-01-13", "2027-01-11", "2027-01-13", 0]);
    expect(times(result, "M")).toEqual(["2027-01-13", "2027-01-13", "2027-01-13", "2027-01-13", 0]);
    expect(item(result, "A").durationDays).toBe(5);
    expect(item(result, "M").durationDays).toBe(0);
    expect(result.criticalPath).toEqual(["A", "B", "M"]);
    expect(result.items.every((x) => x.critical && !x.plannedStartViolation && !x.targetMissed)).toBe(true);
  });

  it("gives the short branch of a diamond its slack", () => {
    const result = schedule(
      [
        feature("D", "2027-01-11", "2027-01-12"),
        feature("C", "2027-01-06", "2027-01-06"),
        feature("B", "2027-01-06", "2027-01-08"),
        feature("A", "2027-01-04", "2027-01-05"),
      ],
      [dep("A", "B"), dep("A", "C"), dep("B", "D"), dep("C", "D")],
    );
    expect(times(result, "C")).toEqual(["2027-01-06", "2027-01-06", "2027-01-08", "2027-01-08", 2]);
    expect(item(result, "C").critical).toBe(false);
    expect(times(result, "D")).toEqual(["2027-01-11", "2027-01-12", "2027-01-11", "2027-01-12", 0]);
    expect(result.criticalPath).toEqual(["A", "B", "D"]);
    expect(result.projectFinish).toBe("2027-01-12");
    // the answer keeps the input order
    expect(result.items.map((x) => x.id)).toEqual(["D", "C", "B", "A"]);
  });

  it("applies lags and leads in working days", () => {
    const result = schedule(
      [
        feature("A", "2027-01-04", "2027-01-08"),
        feature("B", "2027-01-13", "2027-01-15"),
        feature("C", "2027-01-07", "2027-01-11"),
      ],
      [dep("A", "B", 2), dep("A", "C", -2)],
    );
    // A ends Friday; two days of lag skip Monday and Tuesday
    expect(times(result, "B")).toEqual(["2027-01-13", "2027-01-15", "2027-01-13", "2027-01-15", 0]);
    // a two-day lead overlaps A's last two days
    expect(times(result, "C")).toEqual(["2027-01-07", "2027-01-11", "2027-01-13", "2027-01-15", 4]);
    expect(result.criticalPath).toEqual(["A", "B"]);
    expect(result.projectFinish).toBe("2027-01-15");
  });

  it("never starts a lead before the project start", () => {
    const result = schedule(
      [feature("X", "2027-01-04", "2027-01-04"), feature("Y", "2027-01-04", "2027-01-05")],
      [dep("X", "Y", -3)],
    );
    expect(times(result, "Y")).toEqual(["2027-01-04", "2027-01-05", "2027-01-04", "2027-01-05", 0]);
    // X may finish as late as Y's late start plus the lead allows, capped at the project finish
    expect(times(result, "X")).toEqual(["2027-01-04", "2027-01-04", "2027-01-05", "2027-01-05", 1]);
    expect(result.criticalPath).toEqual(["Y"]);
  });

  it("runs the backward pass from the project finish when there are several ends", () => {
    const result = schedule(
      [
        feature("A", "2027-01-04", "2027-01-05"),
        feature("B", "2027-01-06", "2027-01-12"),
        feature("C", "2027-01-06", "2027-01-06"),
      ],
      [dep("A", "B"), dep("A", "C")],
    );
    expect(item(result, "B").totalSlackDays).toBe(0);
    expect(times(result, "C")).toEqual(["2027-01-06", "2027-01-06", "2027-01-12", "2027-01-12", 4]);
    expect(result.projectFinish).toBe("2027-01-12");
    expect(result.criticalPath).toEqual(["A", "B"]);
  });

  it("schedules disconnected parts against one project finish, critical ties by id", () => {
    const result = schedule(
      [
        feature("X", "2027-01-04", "2027-01-06"),
        feature("Y", "2027-01-04", "2027-01-07"),
        feature("Z", "2027-01-08", "2027-01-11"),
        feature("q", "2027-01-04", "2027-01-11"),
        feature("p", "2027-01-04", "2027-01-11"),
      ],
      [dep("Y", "Z")],
    );
    expect(item(result, "X").totalSlackDays).toBe(3);
    expect(times(result, "Z")).toEqual(["2027-01-08", "2027-01-11", "2027-01-08", "2027-01-11", 0]);
    expect(result.criticalPath).toEqual(["Y", "p", "q", "Z"]);
  });

  it("dates milestones on the last working day of their latest predecessor", () => {
    const result = schedule(
      [
        milestone("Kickoff", "2027-01-04"),
        feature("A", "2027-01-04", "2027-01-08"),
        feature("C", "2027-01-04", "2027-01-05"),
        milestone("Both", "2027-01-08"),
        milestone("Lagged", "2027-01-12"),
        feature("B", "2027-01-11", "2027-01-13"),
        milestone("Floating", "2027-02-01"),
      ],
      [dep("Kickoff", "A"), dep("A", "Both"), dep("C", "Both"), dep("Both", "B"), dep("A", "Lagged", 2)],
    );
    expect(times(result, "Kickoff")).toEqual(["2027-01-04", "2027-01-04", "2027-01-04", "2027-01-04", 0]);
    expect(times(result, "Both")).toEqual(["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08", 0]);
    expect(item(result, "B").earlyStart).toBe("2027-01-11");
    // A ends Friday; two lag days later is Tuesday, so the milestone is reached on Tuesday
    expect(times(result, "Lagged")).toEqual(["2027-01-12", "2027-01-12", "2027-01-13", "2027-01-13", 1]);
    // no links at all: reached at the start, may slip to the project finish
    expect(times(result, "Floating")).toEqual(["2027-01-04", "2027-01-04", "2027-01-13", "2027-01-13", 8]);
    expect(result.criticalPath).toEqual(["Kickoff", "A", "Both", "B"]);
    expect(result.items.every((x) => !x.targetMissed)).toBe(true);
  });

  it("flags a milestone whose early date is after its own date", () => {
    const result = schedule(
      [
        feature("A", "2027-01-04", "2027-01-12"),
        milestone("Late", "2027-01-08"),
        milestone("OnTime", "2027-01-12"),
        feature("F", "2027-01-04", "2027-01-08"),
        milestone("Saturday", "2027-01-09"),
      ],
      [dep("A", "Late"), dep("A", "OnTime"), dep("F", "Saturday")],
    );
    expect(item(result, "Late")).toMatchObject({
      earlyStart: "2027-01-12",
      targetMissed: true,
      plannedStartViolation: false,
    });
    expect(item(result, "OnTime").targetMissed).toBe(false);
    expect(item(result, "Saturday").targetMissed).toBe(false);
    expect(item(result, "A").targetMissed).toBe(false);
  });

  it("flags a feature planned to start before its dependencies allow", () => {
    const result = schedule(
      [
        feature("A", "2027-01-04", "2027-01-08"),
        feature("Early", "2027-01-04", "2027-01-06"),
        feature("Later", "2027-01-18", "2027-01-20"),
        feature("Weekend", "2027-01-09", "2027-01-12"),
        feature("Exact", "2027-01-11", "2027-01-11"),
      ],
      [dep("A", "Early"), dep("A", "Later"), dep("A", "Weekend"), dep("A", "Exact")],
    );
    expect(item(result, "Early")).toMatchObject({
      earlyStart: "2027-01-11",
      earlyFinish: "2027-01-13",
      plannedStartViolation: true,
    });
    expect(item(result, "Later").plannedStartViolation).toBe(false);
    // planned on a Saturday: its first working day is Monday, which the dependency allows
    expect(item(result, "Weekend")).toMatchObject({ durationDays: 2, plannedStartViolation: false });
    expect(item(result, "Exact").plannedStartViolation).toBe(false);
    expect(item(result, "A").plannedStartViolation).toBe(false);
  });

  it("counts durations in working days, at least one", () => {
    const result = schedule([
      feature("Span", "2027-01-07", "2027-01-12"),
      feature("WeekendOnly", "2027-01-09", "2027-01-10"),
    ]);
    expect(item(result, "Span").durationDays).toBe(4);
    expect(item(result, "WeekendOnly").durationDays).toBe(1);
  });

  it("exposes the planned duration rule on its own", () => {
    expect(plannedDurationDays(feature("F", "2027-01-07", "2027-01-12"))).toBe(4);
    expect(plannedDurationDays(feature("F", "2027-01-09", "2027-01-09"))).toBe(1);
    expect(plannedDurationDays(milestone("M", "2027-01-09"))).toBe(0);
    // ending before it starts (the API refuses it; the maths still gives one day)
    expect(plannedDurationDays(feature("F", "2027-01-12", "2027-01-07"))).toBe(1);
    expect(() => plannedDurationDays(milestone("M", "2027-02-29"))).toThrow(RangeError);
  });

  it("starts a roadmap that begins on a weekend on the Monday after", () => {
    const result = schedule([feature("A", "2027-01-04", "2027-01-06")], [], "2027-01-02");
    expect(result.projectStart).toBe("2027-01-04");
    expect(times(result, "A")).toEqual(["2027-01-04", "2027-01-06", "2027-01-04", "2027-01-06", 0]);
  });

  it("answers an empty roadmap", () => {
    expect(schedule([])).toEqual({
      calendar: "mon-fri",
      projectStart: START,
      projectFinish: START,
      criticalPath: [],
      items: [],
    });
  });

  it("answers the api.md fields, plus the projection", () => {
    const result = schedule([feature("A", "2027-01-04", "2027-01-05")]);
    expect(Object.keys(result).sort()).toEqual([
      "calendar",
      "criticalPath",
      "items",
      "projectFinish",
      "projectStart",
    ]);
    expect(Object.keys(result.items[0]).sort()).toEqual(
      [
        "id",
        "durationDays",
        "earlyStart",
        "earlyFinish",
        "lateStart",
        "lateFinish",
        "totalSlackDays",
        "critical",
        "plannedStartViolation",
        "targetMissed",
        "projectedStart",
        "projectedFinish",
        "plannedTargetMissed",
      ].sort(),
    );
  });
});

describe("computeSchedule refuses what it cannot schedule", () => {
  const five = ["c0", "c1", "c2", "c3", "c4"].map((id) => feature(id, START, "2027-01-06"));
  const chain = [dep("c0", "c1"), dep("c1", "c2"), dep("c2", "c3"), dep("c3", "c4")];

  function cycleOf(run: () => unknown): string[] {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CycleError);
      return (error as CycleError).cycle;
    }
    throw new Error("expected a CycleError");
  }

  it("names every item of a five-item cycle", () => {
    const cycle = cycleOf(() => schedule(five, [...chain, dep("c4", "c0")]));
    expect([...cycle].sort()).toEqual(["c0", "c1", "c2", "c3", "c4"]);
  });

  it("names a self-link", () => {
    expect(cycleOf(() => schedule(five, [...chain, dep("c2", "c2")]))).toEqual(["c2"]);
  });

  it("names only the cycle inside a larger network", () => {
    const items = [
      ...five,
      feature("x", START, START),
      feature("y", START, START),
      feature("z", START, START),
    ];
    const cycle = cycleOf(() =>
      schedule(items, [...chain, dep("c4", "x"), dep("x", "y"), dep("y", "z"), dep("z", "x")]),
    );
    expect(cycle).toEqual(["x", "y", "z"]);
  });

  it("rejects unknown items, duplicate ids, bad dates and fractional lags", () => {
    expect(() => schedule(five, [dep("c0", "gone")])).toThrow(RangeError);
    expect(() => schedule([...five, feature("c0", START, START)])).toThrow(/duplicate/);
    expect(() => schedule([feature("A", "2027-02-30", "2027-03-02")])).toThrow(RangeError);
    expect(() => schedule([milestone("M", "someday")])).toThrow(RangeError);
    expect(() => schedule(five, [], "2027-13-01")).toThrow(RangeError);
    expect(() => schedule(five, [dep("c0", "c1", 0.5)])).toThrow(/integer/);
  });
});
