import { describe, expect, it } from "vitest";
import { csvField, neutralize, toCsv, unneutralize } from "@/lib/exports/csv-writer";
import { readCsv } from "@/lib/imports/csv-reader";

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

describe("CSV writer", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(true)).toBe("true");
  });

  it("ends every record with CRLF and writes a byte order mark only when asked", () => {
    expect(
      toCsv([
        ["a", "b"],
        [1, 2],
      ]),
    ).toBe("a,b\r\n1,2\r\n");
    expect(toCsv([["a"]], { bom: true })).toBe("\uFEFFa\r\n");
  });

  it.each(TRIGGERS)("neutralises a text cell starting with %j by a leading apostrophe", (trigger) => {
    const cell = `${trigger}HYPERLINK("http://evil.example","x")`;
    const field = csvField(cell);
    const written = field.startsWith('"') ? field.slice(1) : field;
    expect(written.startsWith(`'${trigger}`)).toBe(true);
    expect(readCsv(`${field}\r\n`)[0].cells[0]).toBe(`'${cell}`);
  });

  it('leaves numbers as numbers: -3 is a value, but the text "-3" is neutralised', () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField(2.5)).toBe("2.5");
    expect(csvField("-3")).toBe("'-3");
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Infinity)).toThrow(RangeError);
  });

  it("leaves harmless text alone, including a lone apostrophe", () => {
    for (const text of ["Design", "'quoted'", "a=b", "1+1", "", "e-mail"])
      expect(neutralize(text)).toBe(text);
  });

  it("round-trips through unneutralize exactly, even for text that already starts with apostrophes", () => {
    const samples = [
      ...TRIGGERS.map((t) => `${t}cmd`),
      "'=already",
      "''+twice",
      "'plain",
      "plain",
      "=",
      "-",
      "'",
      "''",
    ];
    for (const text of samples) expect(unneutralize(neutralize(text))).toBe(text);
  });

  it("a whole file read back cell for cell", () => {
    const rows = [
      ["title", "notes"],
      ["=1+2", 'He said "no", twice\r\nthen left'],
      ["@mention", "-5"],
    ];
    const back = readCsv(toCsv(rows, { bom: true })).map((r) => r.cells.map(unneutralize));
    expect(back).toEqual(rows);
  });
});
