// The rows of an actuals CSV against a roadmap's items and its team's members: which item (by id,
// else by title ignoring case), which person (by email, else by name; the importer when blank),
// and the rules of hours on items (features only, not cut). Pure over what the service read.

import type { ActualsProblemCode, ActualsRow, ActualsRowProblem } from "@/lib/imports/actuals-csv";

export interface ActualsItem {
  id: string;
  title: string;
  kind: "feature" | "milestone";
  status: "planned" | "in_progress" | "done" | "at_risk" | "cut";
  actualStart: string | null;
  actualFinish: string | null;
  version: number;
}

export interface ActualsPerson {
  id: string;
  email: string;
  name: string;
}

export interface ResolvedActuals {
  entries: Array<{ itemId: string; personId: string; on: string; hours: number; note: string | null }>;
  totalHours: number;
  /** Per item, its new actual dates (later rows win) and the last line that set them. */
  dates: Map<string, { line: number; values: { actualStart?: string; actualFinish?: string } }>;
  problems: ActualsRowProblem[];
}

const fold = (s: string) => s.trim().toLowerCase();

/** A lookup by a folded key that remembers keys more than one value shares. */
function index<T>(values: readonly T[], keyOf: (v: T) => string): Map<string, T | "ambiguous"> {
  const out = new Map<string, T | "ambiguous">();
  for (const v of values) {
    const key = fold(keyOf(v));
    out.set(key, out.has(key) ? "ambiguous" : v);
  }
  return out;
}

export function resolveActualsRows(
  rows: readonly ActualsRow[],
  items: readonly ActualsItem[],
  people: readonly ActualsPerson[],
  callerId: string,
): ResolvedActuals {
  const byId = new Map(items.map((i) => [i.id, i]));
  const byTitle = index(items, (i) => i.title);
  const byEmail = index(people, (p) => p.email);
  const byName = index(people, (p) => p.name);
  const out: ResolvedActuals = { entries: [], totalHours: 0, dates: new Map(), problems: [] };
  const refuse = (line: number, code: ActualsProblemCode, message: string) =>
    out.problems.push({ line, code, message: `${message}.` });

  for (const row of rows) {
    const found = byId.get(row.item) ?? byTitle.get(fold(row.item));
    if (!found) {
      refuse(row.line, "invalid_reference", `no item “${row.item}” in this roadmap (give its title or id)`);
      continue;
    }
    if (found === "ambiguous") {
      refuse(row.line, "invalid_reference", `several items are called “${row.item}”; give the item's id`);
      continue;
    }
    if (row.entry) {
      const { person } = row.entry;
      const who = person === null ? callerId : (byEmail.get(fold(person)) ?? byName.get(fold(person)));
      if (who === undefined || who === "ambiguous") {
        const why =
          who === "ambiguous" ? "names several members; give their email" : "is not a member of this team";
        refuse(row.line, "invalid_reference", `the person “${person}” ${why}`);
      } else if (found.kind === "milestone") {
        refuse(row.line, "invalid_actuals", `hours are logged on features; “${found.title}” is a milestone`);
      } else if (found.status === "cut") {
        refuse(row.line, "invalid_actuals", `“${found.title}” was cut: hours cannot be logged on it`);
      } else {
        const personId = typeof who === "string" ? who : who.id;
        out.entries.push({
          itemId: found.id,
          personId,
          on: row.entry.on,
          hours: row.entry.hours,
          note: row.entry.note,
        });
        out.totalHours += row.entry.hours;
      }
    }
    if (row.actualStart || row.actualFinish) {
      const current = out.dates.get(found.id)?.values ?? {};
      out.dates.set(found.id, {
        line: row.line,
        values: {
          ...current,
          ...(row.actualStart && { actualStart: row.actualStart }),
          ...(row.actualFinish && { actualFinish: row.actualFinish }),
        },
      });
    }
  }
  out.totalHours = Math.round(out.totalHours * 100) / 100;
  return out;
}
