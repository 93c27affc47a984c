// An RFC 4180 CSV writer that is safe to open in a spreadsheet. Pure.
//
// Formula injection (OWASP "CSV Injection"): a text cell that begins with =, +, -, @, TAB or CR is
// run as a formula by Excel, LibreOffice and Google Sheets, so it gets a leading apostrophe, which
// spreadsheets show as text. A cell that already begins with apostrophes before such a character
// gets one more, so that an importer removing one apostrophe restores every cell exactly
// (see unneutralize). Numbers passed as numbers are written as numbers: -3 is a value, not a
// formula, and stays usable in sums; the same "-3" passed as text is neutralised like any text.

export type CsvCell = string | number | boolean | null | undefined;

const CRLF = "\r\n";
/** Apostrophes, then a character a spreadsheet would take as the start of a formula. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Makes a text cell inert in spreadsheets; reversible with unneutralize. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes neutralize: removes the apostrophe it added. Cells it would not have touched are returned as they are. */
export function unneutralize(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV number must be finite, got ${cell}`);
    return String(cell);
  }
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return neutralize(cell);
}

/** One field: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(cell: CsvCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: CRLF after every record; with bom, a UTF-8 byte order mark first (Excel needs it to read UTF-8). */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvField).join(",") + CRLF).join("");
  return options.bom ? `\uFEFF${body}` : body;
}
