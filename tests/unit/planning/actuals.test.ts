import { describe, expect, it } from "vitest";
import { actualsAfterStatusChange, actualsProblems, timeEntryDayProblems } from "@/lib/planning/actuals";

const TODAY = "2027-03-10";

describe("the rules on actual dates (invalid_actuals)", () => {
  it("accepts dates up to today in order, and either one alone", () => {
    expect(actualsProblems({ actualStart: "2027-03-01", actualFinish: TODAY }, TODAY)).toEqual([]);
    expect(actualsProblems({ actualStart: TODAY, actualFinish: TODAY }, TODAY)).toEqual([]);
    expect(actualsProblems({ actualStart: "2027-03-01", actualFinish: null }, TODAY)).toEqual([]);
    expect(actualsProblems({ actualStart: null, actualFinish: null }, TODAY)).toEqual([]);
  });

  it("refuses a finish before the start, and either date in the future, naming the field", () => {
    expect(actualsProblems({ actualStart: "2027-03-05", actualFinish: "2027-03-04" }, TODAY)).toEqual([
      { path: "actualFinish", message: "The actual finish cannot be before the actual start." },
    ]);
    expect(
      actualsProblems({ actualStart: "2027-03-11", actualFinish: "2027-03-12" }, TODAY).map((p) => p.path),
    ).toEqual(["actualStart", "actualFinish"]);
  });

  it("refuses hours logged for a day ahead", () => {
    expect(timeEntryDayProblems(TODAY, TODAY)).toEqual([]);
    expect(timeEntryDayProblems("2027-03-11", TODAY)).toEqual([
      { path: "on", message: "Hours cannot be logged for a day in the future." },
    ]);
  });
});

describe("actual dates filled by a status change", () => {
  const feature = {
    kind: "feature" as const,
    status: "planned" as const,
    actualStart: null,
    actualFinish: null,
  };

  it("starts a feature today when it moves to in progress, and finishes it today when done", () => {
    expect(actualsAfterStatusChange(feature, { status: "in_progress" }, TODAY)).toEqual({
      actualStart: TODAY,
    });
    const started = { ...feature, status: "in_progress" as const, actualStart: "2027-03-01" };
    expect(actualsAfterStatusChange(started, { status: "done" }, TODAY)).toEqual({ actualFinish: TODAY });
  });

  it("leaves the start unknown when work skipped in progress, and dates a reached milestone", () => {
    expect(actualsAfterStatusChange(feature, { status: "done" }, TODAY)).toEqual({ actualFinish: TODAY });
    const milestone = { ...feature, kind: "milestone" as const };
    expect(actualsAfterStatusChange(milestone, { status: "in_progress" }, TODAY)).toEqual({});
    expect(actualsAfterStatusChange(milestone, { status: "done" }, TODAY)).toEqual({ actualFinish: TODAY });
  });

  it("keeps dates already there, clears the finish of reopened work, and lets the patch's own values win", () => {
    const done = {
      ...feature,
      status: "done" as const,
      actualStart: "2027-03-01",
      actualFinish: "2027-03-05",
    };
    expect(actualsAfterStatusChange(done, { status: "in_progress" }, TODAY)).toEqual({ actualFinish: null });
    expect(actualsAfterStatusChange(done, { status: "planned" }, TODAY)).toEqual({ actualFinish: null });
    expect(actualsAfterStatusChange(done, { status: "cut" }, TODAY)).toEqual({});
    expect(actualsAfterStatusChange(done, { status: "done" }, TODAY)).toEqual({});
    expect(actualsAfterStatusChange(done, {}, TODAY)).toEqual({});
    expect(
      actualsAfterStatusChange(feature, { status: "in_progress", actualStart: "2027-03-02" }, TODAY),
    ).toEqual({});
    expect(actualsAfterStatusChange(feature, { status: "done", actualFinish: null }, TODAY)).toEqual({});
  });
});
