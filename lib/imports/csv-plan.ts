// A CSV plan (Cairn's own export, or a sheet from another tool) turned into a roadmap document.
// Rows that cannot be read are reported with their line; the rest goes through normalizeDocument.
// Pure.

import { unneutralize } from "../exports/csv-writer";
import {
  ROADMAP_DOCUMENT_FORMAT,
  ROADMAP_DOCUMENT_VERSION,
  type DocumentItem,
  type RoadmapDocument,
} from "../validation/roadmap-document";
import {
  MAX_DEPENDS_ON,
  parseDependsOn,
  parseHours,
  parseSkills,
  parseStatus,
  parseYesNo,
  type Cell,
} from "./csv-cells";
import { mapColumns, type CsvField } from "./csv-columns";
import { readCsv } from "./csv-reader";
import { normalizeDocument } from "./normalize";
import { quoted } from "./normalize-context";
import { firstOfMonth, horizonCovering, parsePlanDate } from "./plan-span";
import { SkipReport } from "./skip-report";
import { ImportFormatError, ImportLimitError, type ImportParse } from "./types";

const DEFAULT_TITLE = "Imported roadmap";
/** As many links as a Cairn JSON export may hold (lib/validation/roadmap-document.ts). */
export const MAX_CSV_LINKS = 100_000;

interface CsvRow {
  line: number;
  item: DocumentItem;
  dependsOn: string;
}

class RowProblem extends Error {}

/** The value of a cell reader, or the row is skipped with its reason. */
function must<T>(cell: Cell<T>): T {
  if (!cell.ok) throw new RowProblem(cell.reason);
  return cell.value;
}

function dateCell(raw: string, label: string): string | null {
  if (!raw.trim()) return null;
  const date = parsePlanDate(raw);
  if (!date) throw new RowProblem(`The ${label} ${quoted(raw.trim())} is not a date in the form YYYY-MM-DD.`);
  return date;
}

function readRow(
  get: (field: CsvField) => string,
  has: (field: CsvField) => boolean,
  line: number,
  laneId: (name: string, line: number) => string,
): CsvRow {
  const title = get("title").trim();
  if (!title) throw new RowProblem("The row has no title.");
  const type = get("type").trim().toLowerCase();
  if (type && type !== "feature" && type !== "milestone")
    throw new RowProblem(`The type ${quoted(get("type").trim())} is neither feature nor milestone.`);
  const kind =
    type === "milestone" || (!type && must(parseYesNo(get("milestone"), "Milestone")))
      ? "milestone"
      : "feature";
  const start = dateCell(get("start"), "start date");
  const end = dateCell(get("end"), "end date");
  if (!start && !end) throw new RowProblem("The row has neither a start nor an end date.");

  const likely = must(parseHours(get("likely"), "Likely hours"));
  const optimistic = must(parseHours(get("optimistic"), "Optimistic hours"));
  const pessimistic = must(parseHours(get("pessimistic"), "Pessimistic hours"));
  if (likely === null && (optimistic !== null || pessimistic !== null))
    throw new RowProblem("An estimate needs likely hours as well as optimistic or pessimistic hours.");
  const outcome = get("outcome").trim();
  const workstream = get("workstream").trim();
  return {
    line,
    dependsOn: get("dependsOn"),
    item: {
      id: get("id").trim() || `line-${line}`,
      workstreamId: workstream ? laneId(workstream, line) : null,
      kind,
      title,
      description: get("description").trim() || null,
      startDate: start ?? end!,
      endDate: end ?? start!,
      // Sheets from other tools have no outcome column; Cairn's own export always has one.
      outcome: outcome || (kind === "milestone" && !has("outcome") ? `${title} reached` : null),
      isKey: must(parseYesNo(get("key"), "Key")),
      status: must(parseStatus(get("status"))),
      estimate:
        likely === null
          ? null
          : {
              optimisticHours: optimistic ?? likely,
              likelyHours: likely,
              pessimisticHours: pessimistic ?? likely,
            },
      skills: must(parseSkills(get("skills"))),
      owner: get("owner").trim() || null,
    },
  };
}

export function parseCsvPlan(text: string, options: { title?: string } = {}): ImportParse {
  const records = readCsv(text);
  if (records.length === 0) throw new ImportFormatError("line 1", "The file is empty: it has no header row.");
  const [header, ...body] = records;
  const skipped = new SkipReport();
  const columns = mapColumns(header.cells, header.line, skipped);

  const lanes: RoadmapDocument["workstreams"] = [];
  const laneLines: number[] = [];
  const laneIds = new Map<string, string>();
  const laneId = (name: string, line: number) => {
    let id = laneIds.get(name.toLowerCase());
    if (!id) {
      id = `lane-${lanes.length + 1}`;
      laneIds.set(name.toLowerCase(), id);
      lanes.push({ id, name, position: lanes.length });
      laneLines.push(line);
    }
    return id;
  };

  const rows: CsvRow[] = [];
  for (const { line, cells } of body) {
    const get = (field: CsvField) => {
      const index = columns.get(field);
      return index === undefined ? "" : unneutralize(cells[index] ?? "");
    };
    try {
      rows.push(readRow(get, (field) => columns.has(field), line, laneId));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      skipped.add({
        where: `line ${line}`,
        what: `the row ${quoted(get("title").trim() || "(untitled)")}`,
        reason: error.message,
      });
    }
  }
  if (rows.length === 0)
    throw new ImportFormatError(
      body.length ? `line ${body[0].line}` : `line ${header.line}`,
      body.length
        ? `No row could be read, so there is nothing to import. The first problem: ${skipped.listedEntries.find((s) => s.what.startsWith("the row"))?.reason}`
        : "The file has a header but no rows.",
    );

  const { dependencies, dependencyLines } = resolveDependencies(rows, skipped);
  const startDate = firstOfMonth(
    rows.reduce((min, r) => (r.item.startDate < min ? r.item.startDate : min), "9999-12-31"),
  );
  const latestEnd = rows.reduce((max, r) => (r.item.endDate > max ? r.item.endDate : max), startDate);
  const document: RoadmapDocument = {
    format: ROADMAP_DOCUMENT_FORMAT,
    version: ROADMAP_DOCUMENT_VERSION,
    roadmap: {
      title: options.title?.trim() || DEFAULT_TITLE,
      startDate,
      horizonMonths: horizonCovering(startDate, latestEnd),
    },
    workstreams: lanes,
    items: rows.map((r) => r.item),
    dependencies,
    risks: [],
    phases: [],
    staffing: null,
  };
  return normalizeDocument(
    document,
    "csv",
    {
      item: (_id, index) => `line ${rows[index].line}`,
      workstream: (_id, index) => `line ${laneLines[index]}`,
      dependency: (index) => `line ${dependencyLines[index]}`,
    },
    skipped,
  );
}

/** depends_on entries by id first, then by title (when only one row has it), each with its lag. */
function resolveDependencies(rows: CsvRow[], skipped: SkipReport) {
  const byId = new Map<string, string>();
  const byTitle = new Map<string, string | null>(); // null: more than one row has this title
  for (const { item } of rows) {
    if (!byId.has(item.id)) byId.set(item.id, item.id);
    const key = item.title.toLowerCase();
    byTitle.set(key, byTitle.has(key) ? null : item.id);
  }
  const find = (ref: string) => byId.get(ref) ?? byTitle.get(ref.toLowerCase());

  const dependencies: RoadmapDocument["dependencies"] = [];
  const dependencyLines: number[] = [];
  for (const { line, item, dependsOn } of rows) {
    const entries = parseDependsOn(dependsOn);
    if (!entries)
      throw new ImportLimitError(
        `line ${line}`,
        `The row lists more than ${MAX_DEPENDS_ON.toLocaleString("en")} dependencies in one cell; Cairn reads at most that many.`,
      );
    for (const entry of entries) {
      let fromId = find(entry.text);
      let lagDays = 0;
      if (fromId === undefined && entry.withoutLag) {
        fromId = find(entry.withoutLag.ref);
        lagDays = entry.withoutLag.lagDays;
      }
      if (fromId) {
        if (dependencies.length === MAX_CSV_LINKS)
          throw new ImportLimitError(
            `line ${line}`,
            `The file lists more than ${MAX_CSV_LINKS.toLocaleString("en")} dependencies, the most Cairn imports at once; split the plan.`,
          );
        dependencies.push({ fromId, toId: item.id, lagDays });
        dependencyLines.push(line);
        continue;
      }
      skipped.add({
        where: `line ${line}`,
        what: `the dependency of ${quoted(item.title)} on ${quoted(entry.text)}`,
        reason:
          fromId === null
            ? "Several rows have that title; use the row's id instead."
            : "No row has that id or title (or that row was left out).",
      });
    }
  }
  return { dependencies, dependencyLines };
}
