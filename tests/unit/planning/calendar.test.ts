import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addWorkingDays,
  dayOfWeek,
  fromDayNumber,
  fromWorkIndex,
  horizonEnd,
  isQuarterLabel,
  isValidIsoDate,
  isWorkingDay,
  monthSpans,
  monthStarts,
  nextWorkingDay,
  previousWorkingDay,
  quarterEnd,
  quarterOf,
  quarterSpans,
  quarterStart,
  quartersBetween,
  toDayNumber,
  toWorkIndex,
  workingDaysBetween,
} from "@/lib/planning/calendar";
import {
  naiveAddDays,
  naiveAddWorkdays,
  naiveIsWorkingDay,
  naiveNextWorkingDay,
  naiveWorkingDaysBetween,
} from "./reference";

// 2027-01-04 is a Monday; 2027-01-09/10 a weekend.
describe("day numbers", () => {
  it("counts days from 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(toDayNumber("2000-03-01")).toBe(11017);
    expect(fromDayNumber(0)).toBe("1970-01-01");
    expect(fromDayNumber(-1)).toBe("1969-12-31");
  });

  it("round-trips and agrees with Date across centuries and leap days", () => {
    const wrong: string[] = [];
    for (let n = toDayNumber("1899-12-25"); n <= toDayNumber("2101-01-05"); n += 17) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("keeps four-digit years below 100 (where Date.UTC would jump to 19xx)", () => {
    expect(fromDayNumber(toDayNumber("0050-06-15"))).toBe("0050-06-15");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
  });

  it("rejects dates that do not exist or are not YYYY-MM-DD", () => {
    for (const bad of [
      "2027-02-29",
      "2027-02-30",
      "2027-04-31",
      "2027-13-01",
      "2027-00-10",
      "2027-01-00",
      "2027-1-5",
      "27-01-05",
      "2027-01-05T00:00:00Z",
      "",
      " 2027-01-05",
      "2100-02-29",
      // characters just past "9" that plain arithmetic would read as 10
      "2027-01-1:",
      "2027-0:-01",
      "2027-0a-05",
    ]) {
      expect(isValidIsoDate(bad), bad).toBe(false);
      expect(() => toDayNumber(bad), bad).toThrow(RangeError);
    }
    for (const good of ["2028-02-29", "2000-02-29", "2027-12-31", "2027-04-30"]) {
      expect(isValidIsoDate(good), good).toBe(true);
    }
  });

  it("names weekdays the ISO way", () => {
    expect(dayOfWeek("2027-01-04")).toBe(1);
    expect(dayOfWeek("2027-01-08")).toBe(5);
    expect(dayOfWeek("2027-01-10")).toBe(7);
  });
});

describe("working days", () => {
  it("knows weekends", () => {
    expect(isWorkingDay("2027-01-08")).toBe(true);
    expect(isWorkingDay("2027-01-09")).toBe(false);
    expect(isWorkingDay("2027-01-10")).toBe(false);
    expect(isWorkingDay("2027-01-11")).toBe(true);
  });

  it("moves to the working day on or after / on or before", () => {
    expect(nextWorkingDay("2027-01-08")).toBe("2027-01-08");
    expect(nextWorkingDay("2027-01-09")).toBe("2027-01-11");
    expect(nextWorkingDay("2027-01-10")).toBe("2027-01-11");
    expect(previousWorkingDay("2027-01-10")).toBe("2027-01-08");
    expect(previousWorkingDay("2027-01-09")).toBe("2027-01-08");
    expect(previousWorkingDay("2027-01-11")).toBe("2027-01-11");
    // across a month and a year end
    expect(nextWorkingDay("2027-07-31")).toBe("2027-08-02");
    expect(previousWorkingDay("2028-01-01")).toBe("2027-12-31");
  });

  it("adds working days forwards, backwards and not at all", () => {
    expect(addWorkingDays("2027-01-08", 1)).toBe("2027-01-11");
    expect(addWorkingDays("2027-01-09", 1)).toBe("2027-01-11");
    expect(addWorkingDays("2027-01-10", 1)).toBe("2027-01-11");
    expect(addWorkingDays("2027-01-04", 5)).toBe("2027-01-11");
    expect(addWorkingDays("2027-01-11", -1)).toBe("2027-01-08");
    expect(addWorkingDays("2027-01-10", -1)).toBe("2027-01-08");
    expect(addWorkingDays("2027-01-11", -5)).toBe("2027-01-04");
    expect(addWorkingDays("2027-01-09", 0)).toBe("2027-01-09");
    expect(() => addWorkingDays("2027-01-04", 1.5)).toThrow(RangeError);
  });

  it("counts working days in a range, both ends included", () => {
    expect(workingDaysBetween("2027-01-04", "2027-01-08")).toBe(5);
    expect(workingDaysBetween("2027-01-04", "2027-01-04")).toBe(1);
    expect(workingDaysBetween("2027-01-09", "2027-01-10")).toBe(0);
    expect(workingDaysBetween("2027-01-08", "2027-01-11")).toBe(2);
    expect(workingDaysBetween("2027-01-11", "2027-01-04")).toBe(0);
    expect(workingDaysBetween("2028-02-01", "2028-02-29")).toBe(21);
  });

  it("numbers working days consecutively", () => {
    const friday = toWorkIndex("2027-01-08");
    expect(toWorkIndex("2027-01-09")).toBe(friday + 1);
    expect(toWorkIndex("2027-01-10")).toBe(friday + 1);
    expect(toWorkIndex("2027-01-11")).toBe(friday + 1);
    expect(fromWorkIndex(friday + 1)).toBe("2027-01-11");
    expect(toWorkIndex("1970-01-05")).toBe(0);
    expect(fromWorkIndex(-1)).toBe("1970-01-02");
  });

  it("agrees with a day-by-day walk over every start in two years", () => {
    const wrong: string[] = [];
    const same = (what: string, got: unknown, want: unknown) => {
      if (got !== want) wrong.push(`${what}: ${got} != ${want}`);
    };
    for (let d = "2027-12-20"; d <= "2029-01-10"; d = naiveAddDays(d, 1)) {
      same(`isWorkingDay ${d}`, isWorkingDay(d), naiveIsWorkingDay(d));
      same(`nextWorkingDay ${d}`, nextWorkingDay(d), naiveNextWorkingDay(d));
      same(`work index ${d}`, fromWorkIndex(toWorkIndex(d)), naiveNextWorkingDay(d));
      for (const n of [1, 2, 4, 5, 6, 12, 23])
        same(`${d} + ${n}`, addWorkingDays(d, n), naiveAddWorkdays(d, n));
      for (const len of [0, 1, 3, 6, 9, 30]) {
        const end = naiveAddDays(d, len);
        same(`${d}..${end}`, workingDaysBetween(d, end), naiveWorkingDaysBetween(d, end));
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("lands, stepping back the same count, on the working day on or before the start", () => {
    for (let d = "2027-03-01"; d <= "2027-03-31"; d = naiveAddDays(d, 1)) {
      for (const n of [1, 3, 7, 11])
        expect(addWorkingDays(addWorkingDays(d, n), -n)).toBe(previousWorkingDay(d));
    }
  });
});

describe("months and horizons", () => {
  it("clamps to the end of shorter months", () => {
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-03-31", -1)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 1)).toBe("2027-09-30");
    expect(addMonths("2027-11-15", 2)).toBe("2028-01-15");
    expect(addMonths("2027-01-15", -13)).toBe("2025-12-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
  });

  it("ends a horizon the day before the same date `months` later", () => {
    expect(horizonEnd("2027-01-04", 12)).toBe("2028-01-03");
    expect(horizonEnd("2027-01-01", 18)).toBe("2028-06-30");
    expect(horizonEnd("2027-01-01", 3)).toBe("2027-03-31");
    expect(horizonEnd("2027-03-01", 36)).toBe("2030-02-28");
  });

  it("lists the months overlapping a range, clipped", () => {
    expect(monthStarts("2027-01-04", "2027-04-01")).toEqual([
      "2027-01-01",
      "2027-02-01",
      "2027-03-01",
      "2027-04-01",
    ]);
    expect(monthStarts("2027-01-04", "2027-01-20")).toEqual(["2027-01-01"]);
    expect(monthStarts("2027-01-20", "2027-01-04")).toEqual([]);
    expect(monthSpans("2028-01-15", "2028-03-10")).toEqual([
      { label: "2028-01", start: "2028-01-15", end: "2028-01-31" },
      { label: "2028-02", start: "2028-02-01", end: "2028-02-29" },
      { label: "2028-03", start: "2028-03-01", end: "2028-03-10" },
    ]);
  });
});

describe("quarters", () => {
  it("labels and bounds quarters", () => {
    expect(quarterOf("2027-01-01")).toBe("2027-Q1");
    expect(quarterOf("2027-03-31")).toBe("2027-Q1");
    expect(quarterOf("2027-04-01")).toBe("2027-Q2");
    expect(quarterOf("2027-12-31")).toBe("2027-Q4");
    expect(quarterStart("2027-Q3")).toBe("2027-07-01");
    expect(quarterEnd("2027-Q1")).toBe("2027-03-31");
    expect(quarterEnd("2027-Q2")).toBe("2027-06-30");
    expect(quarterEnd("2027-Q4")).toBe("2027-12-31");
    expect(isQuarterLabel("2027-Q4")).toBe(true);
    expect(isQuarterLabel("2027-Q5")).toBe(false);
    expect(() => quarterStart("2027-Q0")).toThrow(RangeError);
  });

  it("lists the quarters a range touches, across a year end", () => {
    expect(quartersBetween("2027-01-04", "2028-06-30")).toEqual([
      "2027-Q1",
      "2027-Q2",
      "2027-Q3",
      "2027-Q4",
      "2028-Q1",
      "2028-Q2",
    ]);
    expect(quartersBetween("2027-11-15", "2028-01-02")).toEqual(["2027-Q4", "2028-Q1"]);
    expect(quartersBetween("2027-03-31", "2027-03-31")).toEqual(["2027-Q1"]);
    expect(quartersBetween("2027-05-01", "2027-04-01")).toEqual([]);
    expect(quarterSpans("2027-02-10", "2027-07-05")).toEqual([
      { label: "2027-Q1", start: "2027-02-10", end: "2027-03-31" },
      { label: "2027-Q2", start: "2027-04-01", end: "2027-06-30" },
      { label: "2027-Q3", start: "2027-07-01", end: "2027-07-05" },
    ]);
  });
});
