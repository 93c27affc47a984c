import { describe, expect, it } from "vitest";
import { parseActualsCsv } from "@/lib/imports/actuals-csv";
import { ImportFormatError, ImportLimitError } from "@/lib/imports/types";

const TODAY = "2027-03-10";

describe("parseActualsCsv", () => {
  it("reads hours per person and day, and actual dates, under the usual header names", () => {
    const csv = [
      "Item,Date,Hours,Person,Actual Start,Actual Finish,Note",
      "Payments API,2027-03-01,6.5,ana@example.com,,,pairing",
      "Payments API,2027-03-02,2,,2027-03-01,,",
      '"Ledger, v2",,,,2027-02-01,2027-03-09,',
    ].join("\n");
    const { rows, problems } = parseActualsCsv(csv, TODAY);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        item: "Payments API",
        entry: { on: "2027-03-01", hours: 6.5, person: "ana@example.com", note: "pairing" },
        actualStart: null,
        actualFinish: null,
      },
      {
        line: 3,
        item: "Payments API",
        entry: { on: "2027-03-02", hours: 2, person: null, note: null },
        actualStart: "2027-03-01",
        actualFinish: null,
      },
      { line: 4, item: "Ledger, v2", entry: null, actualStart: "2027-02-01", actualFinish: "2027-03-09" },
    ]);
  });

  it("accepts snake_case columns and skips blank lines", () => {
    const csv = "item,date,hours,person,actual_start,actual_finish\r\n\r\nA,2027-03-01,1,,,\r\n";
    const { rows, problems } = parseActualsCsv(csv, TODAY);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([3]);
  });

  it("names each bad row by its line, with what is wrong and how it is refused", () => {
    const csv = [
      "item,date,hours,person,actual_start,actual_finish",
      ",2027-03-01,1,,,", // 2: no item
      "A,2027-03-01,-2,,,", // 3: negative hours
      "A,2027-03-01,25,,,", // 4: over a day
      "A,01/03/2027,1,,,", // 5: not ISO
      "A,2027-03-01,,,,", // 6: hours missing
      "A,,3,,,", // 7: no date
      "A,2027-03-11,1,,,", // 8: future day
      "A,,,,2027-03-05,2027-03-01", // 9: finish before start
      "A,,,,,2027-04-01", // 10: finish in the future
      "A,,,,,", // 11: nothing to import
      "A,2027-03-01,1.234,,,", // 12: three decimals
      "A,2027-03-01,1h30,,,", // 13: not a number
    ].join("\n");
    const { rows, problems } = parseActualsCsv(csv, TODAY);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, "invalid_request"],
      [3, "invalid_request"],
      [4, "invalid_request"],
      [5, "invalid_request"],
      [6, "invalid_request"],
      [7, "invalid_request"],
      [8, "invalid_actuals"],
      [9, "invalid_actuals"],
      [10, "invalid_actuals"],
      [11, "invalid_request"],
      [12, "invalid_request"],
      [13, "invalid_request"],
    ]);
    expect(problems[0].message).toBe("the item is empty (give its title or id).");
    expect(problems[2].message).toMatch(/^a day has at most 24 hours/);
    expect(problems[3].message).toContain('"01/03/2027" is not a date (write YYYY-MM-DD)');
    expect(problems[6].message).toBe("the date 2027-03-11 is in the future.");
    expect(problems[7].message).toContain("before the actual start 2027-03-05");
  });

  it("counts lines of quoted fields that span several lines", () => {
    const csv = 'item,date,hours,note\n"Two\nlines",2027-03-01,1,ok\nB,2027-03-01,x,\n';
    const { problems } = parseActualsCsv(csv, TODAY);
    expect(problems.map((p) => p.line)).toEqual([4]);
  });

  it("refuses a file without an item column or without anything to import, naming the columns", () => {
    expect(() => parseActualsCsv("date,hours\n2027-03-01,1\n", TODAY)).toThrow(ImportFormatError);
    expect(() => parseActualsCsv("date,hours\n2027-03-01,1\n", TODAY)).toThrow(
      /needs an item column .*columns found were: "date", "hours"/,
    );
    expect(() => parseActualsCsv("item,person\nA,ana@example.com\n", TODAY)).toThrow(/needs an hours column/);
    expect(() => parseActualsCsv("\n\n", TODAY)).toThrow(/no header row/);
  });

  it("keeps the plan imports' budgets on rows", () => {
    const csv = ["item,date,hours", ...Array.from({ length: 12 }, () => "A,2027-03-01,1")].join("\n");
    expect(() => parseActualsCsv(csv, TODAY, { maxRecords: 10, maxColumns: 10 })).toThrow(ImportLimitError);
  });
});
