import { describe, expect, it } from "vitest";
import { milestoneAlerts, milestoneState, type RecordedMilestone } from "@/lib/planning/milestone-alerts";

const launch = (p: number | null, p80 = "2027-03-01"): RecordedMilestone => ({
  milestoneId: "m1",
  title: "Launch",
  targetDate: "2027-03-01",
  p50: "2027-02-20",
  p80,
  onTimeProbability: p,
});

describe("milestone alerts of a forecast record against the one before it", () => {
  it("states: on track at 80 % or more, at risk under it, missed when the target has passed with no chance", () => {
    expect(milestoneState(launch(0.8), "2027-01-01")).toBe("on_track");
    expect(milestoneState(launch(0.79), "2027-01-01")).toBe("at_risk");
    expect(milestoneState(launch(0), "2027-01-01")).toBe("at_risk");
    expect(milestoneState(launch(0), "2027-03-02")).toBe("missed");
    expect(milestoneState(launch(null), "2027-03-02")).toBeNull();
  });

  it("announces a state only when it gets worse, and a P80 that moved by how many days", () => {
    const before = { on: "2027-01-01", milestones: [launch(0.9)] };
    expect(milestoneAlerts(before, [launch(0.9)], "2027-01-02")).toEqual([]);
    expect(milestoneAlerts(before, [launch(0.5, "2027-03-11")], "2027-01-02")).toEqual([
      {
        kind: "milestone.at_risk",
        milestone: launch(0.5, "2027-03-11"),
        state: "at_risk",
        previousOnTimeProbability: 0.9,
      },
      { kind: "milestone.p80_moved", milestone: launch(0.5, "2027-03-11"), fromP80: "2027-03-01", days: 10 },
    ]);
    // Still at risk: nothing new; getting better is not announced either.
    const atRisk = { on: "2027-01-02", milestones: [launch(0.5)] };
    expect(milestoneAlerts(atRisk, [launch(0.4)], "2027-01-03")).toEqual([]);
    expect(milestoneAlerts(atRisk, [launch(0.95)], "2027-01-03")).toEqual([]);
  });

  it("at risk with no chance before the target, then the target passes: missed, judged on each record's own day", () => {
    const before = { on: "2027-02-20", milestones: [launch(0)] };
    expect(milestoneAlerts(before, [launch(0)], "2027-03-05")).toEqual([
      { kind: "milestone.at_risk", milestone: launch(0), state: "missed", previousOnTimeProbability: 0 },
    ]);
  });

  it("the first record: a milestone already at risk is news; a P80 cannot have moved yet", () => {
    expect(milestoneAlerts(null, [launch(0.3, "2027-04-01")], "2027-01-01")).toEqual([
      {
        kind: "milestone.at_risk",
        milestone: launch(0.3, "2027-04-01"),
        state: "at_risk",
        previousOnTimeProbability: null,
      },
    ]);
  });
});
