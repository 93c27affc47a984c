// Which plan field each CSV column holds: Cairn's own export columns and the names other tools
// use (Name, Summary, Task, Lane, Epic, Finish, Due...), matched ignoring case, spaces, "_", "-" and ".".
// Pure.

import { quoted } from "./normalize-context";
import type { SkipReport } from "./skip-report";
import { ImportFormatError } from "./types";

export const CSV_FIELDS = [
  "id",
  "type",
  "title",
  "description",
  "workstream",
  "start",
  "end",
  "status",
  "key",
  "milestone",
  "outcome",
  "optimistic",
  "likely",
  "pessimistic",
  "skills",
  "owner",
  "dependsOn",
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

const ALIASES: Record<CsvField, string[]> = {
  id: ["id", "itemid", "uid"],
  type: ["type", "kind", "itemtype"],
  title: ["title", "name", "summary", "task", "taskname", "item", "itemname", "feature"],
  description: ["description", "notes", "details"],
  workstream: ["workstream", "lane", "epic", "group", "team", "stream", "swimlane"],
  start: ["start", "startdate", "begin", "begindate"],
  end: ["end", "enddate", "finish", "finishdate", "due", "duedate", "target", "targetdate"],
  status: ["status", "state"],
  key: ["key", "iskey", "keymilestone"],
  milestone: ["milestone", "ismilestone"],
  outcome: ["outcome", "successcriteria", "result"],
  optimistic: ["optimistichours", "optimistic", "besthours"],
  likely: [
    "likelyhours",
    "likely",
    "mostlikely",
    "estimate",
    "estimatehours",
    "hours",
    "effort",
    "efforthours",
    "work",
  ],
  pessimistic: ["pessimistichours", "pessimistic", "worsthours"],
  skills: ["skills", "skill"],
  owner: ["owner", "owneremail", "assignee", "email"],
  dependsOn: ["dependson", "dependsupon", "dependencies", "predecessors", "after"],
};

const FIELD_OF = new Map<string, CsvField>(
  CSV_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)),
);

/** "Start Date" → "startdate", "depends_on" → "dependson". */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, "");
}

/** The column index of each field the header names; unknown and repeated columns are reported. */
export function mapColumns(header: string[], line: number, skipped: SkipReport): Map<CsvField, number> {
  const columns = new Map<CsvField, number>();
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (!name) return;
    const field = FIELD_OF.get(headerKey(name));
    if (!field) ignored.push(name);
    else if (columns.has(field))
      skipped.add({
        where: `line ${line}`,
        what: `the column ${quoted(name)}`,
        reason: `An earlier column, ${quoted(header[columns.get(field)!].trim())}, already gives this; only that one was read.`,
      });
    else columns.set(field, index);
  });
  if (ignored.length)
    skipped.add({
      where: `line ${line}`,
      what: `the column${ignored.length === 1 ? "" : "s"} ${ignored.map(quoted).join(", ")}`,
      reason: `Cairn does not read ${ignored.length === 1 ? "this column" : "these columns"}; ${ignored.length === 1 ? "it was" : "they were"} ignored.`,
    });
  if (!columns.has("title")) {
    const found = header.map((h) => h.trim()).filter(Boolean);
    throw new ImportFormatError(
      `line ${line}`,
      `The file has no title column (one named title, name, summary or task); the columns found were: ${
        found.length ? found.map(quoted).join(", ") : "none"
      }.`,
    );
  }
  return columns;
}
