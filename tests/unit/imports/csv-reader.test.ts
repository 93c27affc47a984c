import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/imports/csv-reader";
import { ImportFormatError } from "@/lib/imports/types";

const cells = (text: string) => readCsv(text).map((r) => r.cells);

function formatError(run: () => unknown): ImportFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error("expected an ImportFormatError");
}

describe("readCsv: RFC 4180", () => {
  it("reads quoted fields with doubled quotes, commas and embedded line breaks", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n';
    expect(cells(text)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "two\r\nlines"],
    ]);
  });

  it("accepts CRLF, LF and CR line ends mixed in one file, and numbers records by their first line", () => {
    const records = readCsv('h1,h2\r\n1,2\n3,4\r5,6\n"multi\nline",7\n8,9');
    expect(records.map((r) => r.cells)).toEqual([
      ["h1", "h2"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
      ["multi\nline", "7"],
      ["8", "9"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 7]);
  });

  it("strips a UTF-8 byte order mark and honours Excel's sep= line", () => {
    expect(cells("\uFEFFtitle,start\nA,2027-01-01\n")).toEqual([
      ["title", "start"],
      ["A", "2027-01-01"],
    ]);
    const records = readCsv("sep=;\r\ntitle;start\r\nA, B;2027-01-01\r\n");
    expect(records.map((r) => r.cells)).toEqual([
      ["title", "start"],
      ["A, B", "2027-01-01"],
    ]);
    expect(records[0].line).toBe(2);
  });

  it("keeps empty fields, skips blank lines, keeps a quoted empty record", () => {
    expect(cells('a,,c\n\n,,\n""\n')).toEqual([["a", "", "c"], ["", "", ""], [""]]);
  });

  it("keeps non-ASCII text as it is", () => {
    expect(cells("Zoë,日本語,🚀\n")).toEqual([["Zoë", "日本語", "🚀"]]);
  });
});

describe("readCsv: hostile input", () => {
  it("refuses an unterminated quote, naming the line and column where it opens", () => {
    const error = formatError(() => readCsv('title,start\nok,2027-01-01\nbad,"never closed\nmore,lines\n'));
    expect(error.where).toBe("line 3, column 5");
    expect(error.message).toMatch(/never closed/);
  });

  it("refuses text after a closing quote", () => {
    expect(formatError(() => readCsv('a\n"x"y\n')).where).toBe("line 2, column 4");
  });

  it("refuses 50,000 columns at once with a clear message", () => {
    const started = performance.now();
    const error = formatError(() => readCsv(`title\n${",".repeat(50_000)}\n`));
    expect(error.where).toBe("line 2");
    expect(error.message).toMatch(/more than 200 columns/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("refuses more rows than the limit", () => {
    const text = `title\n${"x\n".repeat(20_001)}`;
    const error = formatError(() => readCsv(text));
    expect(error.message).toMatch(/more than 20,001 rows/);
    expect(readCsv(`title\n${"x\n".repeat(20_000)}`)).toHaveLength(20_001);
  });

  it("reads a 1 MB quoted field in linear time", () => {
    const big = "x".repeat(1_000_000);
    const started = performance.now();
    const records = readCsv(`title,notes\n"${big}","a ""quoted"" ${big}"\n`);
    expect(records[1].cells[0]).toHaveLength(1_000_000);
    expect(records[1].cells[1]).toBe(`a "quoted" ${big}`);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("reads many doubled quotes in one field without slowing down", () => {
    const started = performance.now();
    const records = readCsv(`a\n"${'""'.repeat(200_000)}"\n`);
    expect(records[1].cells[0]).toBe('"'.repeat(200_000));
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("refuses NUL bytes (binary or UTF-16 files) with a hint", () => {
    const error = formatError(() => readCsv("title\nab\u0000c\n"));
    expect(error.where).toBe("line 2, column 3");
    expect(error.message).toMatch(/NUL.*UTF-8/);
  });
});
