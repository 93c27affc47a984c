// A CSV of actuals for an existing roadmap (issue #18): `item, date, hours, person` rows log hours
// spent, `actual_start` and `actual_finish` set an item's actual dates; a row may do both. Read by
// the same RFC 4180 reader and within the same budgets as the plan imports (csv-reader.ts), with
// each bad row reported by its line. Pure: the service resolves items and people and writes.

import { isValidIsoDate } from "../planning/civil-date";
import { MAX_HOURS_PER_DAY, MAX_TIME_ENTRY_NOTE } from "../validation/learning";
import { headerKey } from "./csv-columns";
import { CSV_LIMITS, readCsv, type CsvLimits } from "./csv-reader";
import { quoted } from "./normalize-context";
import { ImportFormatError } from "./types";

export const ACTUALS_FIELDS = [
  "item",
  "date",
  "hours",
  "person",
  "actualStart",
  "actualFinish",
  "note",
] as const;
export type ActualsField = (typeof ACTUALS_FIELDS)[number];

const ALIASES: Record<ActualsField, string[]> = {
  item: ["item", "itemid", "title", "feature", "task", "name"],
  date: ["date", "day", "on", "workdate"],
  hours: ["hours", "hoursspent", "spent", "time", "logged"],
  person: ["person", "email", "personemail", "who", "user"],
  actualStart: ["actualstart", "started", "startedon"],
  actualFinish: ["actualfinish", "actualend", "finished", "finishedon"],
  note: ["note", "notes", "comment"],
};
const FIELD_OF = new Map<string, ActualsField>(
  ACTUALS_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)),
);

/** What a bad row is refused as: its content (400) or an actual date that cannot be (422). */
export type ActualsProblemCode = "invalid_request" | "invalid_actuals" | "invalid_reference";

export interface ActualsRowProblem {
  line: number;
  code: ActualsProblemCode;
  /** What is wrong, without the line ("the hours must be more than 0."). */
  message: string;
}

export interface ActualsRow {
  line: number;
  /** An item's id or title, as written. */
  item: string;
  entry: { on: string; hours: number; person: string | null; note: string | null } | null;
  actualStart: string | null;
  actualFinish: string | null;
}

export interface ActualsParse {
  rows: ActualsRow[];
  /** Every bad row, in line order; the import writes nothing while there is one. */
  problems: ActualsRowProblem[];
}

function columnsOf(header: string[], line: number): Map<ActualsField, number> {
  const columns = new Map<ActualsField, number>();
  header.forEach((raw, index) => {
    const field = FIELD_OF.get(headerKey(raw.trim()));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  const found = header.map((h) => h.trim()).filter(Boolean);
  const missing = !columns.has("item")
    ? "an item column (item, or the item's title)"
    : !columns.has("hours") && !columns.has("actualStart") && !columns.has("actualFinish")
      ? "an hours column or an actual_start or actual_finish column"
      : null;
  if (missing)
    throw new ImportFormatError(
      `line ${line}`,
      `The file needs ${missing}; the columns found were: ${found.length ? found.map(quoted).join(", ") : "none"}.`,
    );
  return columns;
}

/** Hours as a number: more than 0, at most a day, at most two decimals (the column holds hundredths). */
function hoursOf(text: string): number | string {
  const hours = Number(text.replace(/\s*h$/i, ""));
  if (!/^\d+(\.\d+)?(\s*h)?$/i.test(text) || !Number.isFinite(hours))
    return `the hours ${quoted(text)} are not a number of hours (write 1.5, not 1h30)`;
  if (hours <= 0) return "the hours must be more than 0";
  if (hours > MAX_HOURS_PER_DAY) return `a day has at most ${MAX_HOURS_PER_DAY} hours, not ${hours}`;
  if (Math.abs(hours * 100 - Math.round(hours * 100)) > 1e-9) return "the hours take at most two decimals";
  return hours;
}

/**
 * Reads the rows. An unreadable file (malformed CSV, no item column, past the budgets) throws
 * ImportFormatError or ImportLimitError; a bad row becomes a problem naming its line. `today` is
 * the server's day: neither hours nor actual dates may lie after it.
 */
export function parseActualsCsv(text: string, today: string, limits: CsvLimits = CSV_LIMITS): ActualsParse {
  const records = readCsv(text, limits);
  const headerAt = records.findIndex((r) => r.cells.some((c) => c.trim() !== ""));
  if (headerAt === -1) throw new ImportFormatError("line 1", "The file has no header row and no rows.");
  const columns = columnsOf(records[headerAt].cells, records[headerAt].line);
  const rows: ActualsRow[] = [];
  const problems: ActualsRowProblem[] = [];
  for (const record of records.slice(headerAt + 1)) {
    const cell = (field: ActualsField) => {
      const index = columns.get(field);
      return index === undefined ? "" : (record.cells[index] ?? "").trim();
    };
    if (record.cells.every((c) => c.trim() === "")) continue;
    const { line } = record;
    const refuse = (message: string, code: ActualsProblemCode = "invalid_request") =>
      problems.push({ line, code, message: `${message}.` });
    const item = cell("item");
    const [date, hoursText, person, note] = [cell("date"), cell("hours"), cell("person"), cell("note")];
    const [actualStart, actualFinish] = [cell("actualStart"), cell("actualFinish")];
    if (!item) {
      refuse("the item is empty (give its title or id)");
      continue;
    }
    let bad = false;
    const dateOf = (value: string, what: string): string | null => {
      if (!value) return null;
      if (!isValidIsoDate(value)) {
        refuse(`${what} ${quoted(value)} is not a date (write YYYY-MM-DD)`);
        bad = true;
      } else if (value > today) {
        refuse(`${what} ${value} is in the future`, "invalid_actuals");
        bad = true;
      }
      return value;
    };
    const on = dateOf(date, "the date");
    const start = dateOf(actualStart, "the actual start");
    const finish = dateOf(actualFinish, "the actual finish");
    let entry: ActualsRow["entry"] = null;
    if (date || hoursText) {
      const hours = hoursText ? hoursOf(hoursText) : "the hours are missing";
      if (!date) refuse("hours need the date they were spent on");
      else if (typeof hours === "string") refuse(hours);
      else if (note.length > MAX_TIME_ENTRY_NOTE)
        refuse(`the note is longer than ${MAX_TIME_ENTRY_NOTE} characters`);
      else if (on) entry = { on, hours, person: person || null, note: note || null };
      if (!entry) bad = true;
    }
    if (start && finish && finish < start) {
      refuse(`the actual finish ${finish} is before the actual start ${start}`, "invalid_actuals");
      bad = true;
    }
    if (!bad && !entry && !start && !finish)
      refuse("the row gives neither hours nor an actual start or finish");
    else if (!bad) rows.push({ line, item, entry, actualStart: start, actualFinish: finish });
  }
  return { rows, problems };
}
