import { describe, expect, it } from "vitest";
import {
  keyMilestones,
  milestonesByQuarter,
  upcomingMilestones,
  type DashboardItem,
} from "@/lib/planning/dashboard-milestones";

let counter = 0;
const milestone = (startDate: string, fields: Partial<DashboardItem> = {}): DashboardItem => ({
  id: `m-${++counter}`,
  title: `Milestone ${counter}`,
  kind: "milestone",
  startDate,
  status: "planned",
  isKey: false,
  ...fields,
});

describe("milestonesByQuarter", () => {
  it("counts milestones per quarter and status, every quarter listed, features and dates outside ignored", () => {
    const items = [
      milestone("2027-01-04"),
      milestone("2027-03-31", { status: "done" }),
      milestone("2027-04-01", { status: "at_risk" }),
      milestone("2027-05-10", { status: "in_progress" }),
      milestone("2027-06-30", { status: "cut" }),
      milestone("2026-12-31"),
      milestone("2028-01-01"),
      { ...milestone("2027-02-01"), kind: "feature" as const },
    ];
    expect(milestonesByQuarter(items, ["2027-Q1", "2027-Q2", "2027-Q3"])).toEqual([
      { quarter: "2027-Q1", planned: 1, inProgress: 0, atRisk: 0, done: 1, cut: 0 },
      { quarter: "2027-Q2", planned: 0, inProgress: 1, atRisk: 1, done: 0, cut: 1 },
      { quarter: "2027-Q3", planned: 0, inProgress: 0, atRisk: 0, done: 0, cut: 0 },
    ]);
  });
});

describe("keyMilestones", () => {
  it("keeps key milestones that are not cut, earliest first, ties by title", () => {
    const late = milestone("2027-06-01", { isKey: true, title: "Launch" });
    const early = milestone("2027-02-01", { isKey: true, title: "Beta" });
    const sameDayB = milestone("2027-02-01", { isKey: true, title: "Alpha" });
    const cut = milestone("2027-01-10", { isKey: true, status: "cut" });
    const plain = milestone("2027-01-11");
    expect(keyMilestones([late, early, cut, plain, sameDayB]).map((m) => m.title)).toEqual([
      "Alpha",
      "Beta",
      "Launch",
    ]);
  });
});

describe("upcomingMilestones", () => {
  it("the next ones from today on that are neither done nor cut, at most the limit", () => {
    const items = [
      milestone("2027-01-01"),
      milestone("2027-01-05", { title: "today" }),
      milestone("2027-01-06", { status: "done" }),
      milestone("2027-01-07", { status: "cut" }),
      milestone("2027-01-08", { title: "next", status: "at_risk" }),
      milestone("2027-01-09", { title: "third" }),
    ];
    expect(upcomingMilestones(items, "2027-01-05").map((m) => m.title)).toEqual(["today", "next", "third"]);
    expect(upcomingMilestones(items, "2027-01-05", 2).map((m) => m.title)).toEqual(["today", "next"]);
  });
});
