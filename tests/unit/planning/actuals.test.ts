import { describe, expect, it } from "vitest";
import { actualsProblems, timeEntryDayProblems } from "@/lib/planning/actuals";

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
