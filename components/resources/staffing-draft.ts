import type { FieldErrors } from "@/lib/client/forms";
import { putStaffingSchema, type PutStaffingInput, type StaffingPlan } from "@/lib/validation/resources";

/** Focused hours a person gives a week when the plan does not say (40 h at 80% focus, as the server). */
export const DEFAULT_HOURS_PER_WEEK = 32;
export const DEFAULT_HIRING_LEAD_WEEKS = 8;

export type CellField = "headcount" | "hoursPerWeek";

/** What is typed in one skill x quarter cell; "" is empty. */
export interface CellDraft {
  headcount: string;
  hoursPerWeek: string;
}

/** The staffing plan as typed, and the plan version the typing started from (for If-Match). */
export interface StaffingDraft {
  baseVersion: number;
  hiringLeadWeeks: string;
  cells: Record<string, CellDraft>;
}

export const cellKey = (skillId: string, quarter: string) => `${skillId}/${quarter}`;
export const fieldKey = (skillId: string, quarter: string, field: CellField) =>
  `${cellKey(skillId, quarter)}.${field}`;
export const LEAD_FIELD = "hiringLeadWeeks";

const EMPTY: CellDraft = { headcount: "", hoursPerWeek: "" };

export function cellOf(draft: StaffingDraft, skillId: string, quarter: string): CellDraft {
  return draft.cells[cellKey(skillId, quarter)] ?? EMPTY;
}

const text = (n: number) => String(n);

export function draftFromPlan(plan: StaffingPlan): StaffingDraft {
  const cells: Record<string, CellDraft> = {};
  for (const row of plan.rows)
    cells[cellKey(row.skillId, row.quarter)] = {
      headcount: text(row.headcount),
      hoursPerWeek: text(row.hoursPerWeek),
    };
  return { baseVersion: plan.version, hiringLeadWeeks: text(plan.hiringLeadWeeks), cells };
}

/** "1,5" and "1.5" alike; anything else becomes NaN, which the schema names as not a number. */
function parseNumber(value: string): number {
  const trimmed = value.trim().replace(",", ".");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

function sameCell(a: CellDraft, b: CellDraft): boolean {
  const norm = (c: CellDraft) =>
    c.headcount.trim() === ""
      ? ""
      : `${parseNumber(c.headcount)}x${c.hoursPerWeek.trim() === "" ? DEFAULT_HOURS_PER_WEEK : parseNumber(c.hoursPerWeek)}`;
  return norm(a) === norm(b);
}

/** Whether a cell as typed means something else than the same cell of `other`. */
export function cellDiffers(draft: StaffingDraft, other: StaffingDraft, key: string): boolean {
  return !sameCell(draft.cells[key] ?? EMPTY, other.cells[key] ?? EMPTY);
}

/** Whether the draft says anything the plan does not (a changed cell or lead time). */
export function draftChanged(draft: StaffingDraft, plan: StaffingDraft): boolean {
  if (parseNumber(draft.hiringLeadWeeks) !== parseNumber(plan.hiringLeadWeeks)) return true;
  const keys = new Set([...Object.keys(draft.cells), ...Object.keys(plan.cells)]);
  for (const key of keys) if (cellDiffers(draft, plan, key)) return true;
  return false;
}

/**
 * The PUT body for the cells of the grid (skills x quarters): a cell with a headcount is a row
 * (hours per week defaulting to 32), an empty one none. `keys[i]` names the cell of row i, so that
 * problems with a row can be shown at its cell.
 */
export function bodyFromDraft(
  draft: StaffingDraft,
  skillIds: readonly string[],
  quarters: readonly string[],
): { body: { rows: unknown[]; hiringLeadWeeks: number }; keys: string[]; errors: FieldErrors } {
  const rows: unknown[] = [];
  const keys: string[] = [];
  const errors: FieldErrors = {};
  for (const skillId of skillIds) {
    for (const quarter of quarters) {
      const cell = cellOf(draft, skillId, quarter);
      if (cell.headcount.trim() === "") {
        if (cell.hoursPerWeek.trim() !== "")
          errors[fieldKey(skillId, quarter, "headcount")] =
            "Enter how many people, or clear the hours per week.";
        continue;
      }
      keys.push(cellKey(skillId, quarter));
      rows.push({
        skillId,
        quarter,
        headcount: parseNumber(cell.headcount),
        hoursPerWeek:
          cell.hoursPerWeek.trim() === "" ? DEFAULT_HOURS_PER_WEEK : parseNumber(cell.hoursPerWeek),
      });
    }
  }
  const lead = draft.hiringLeadWeeks.trim();
  return {
    body: { rows, hiringLeadWeeks: lead === "" ? DEFAULT_HIRING_LEAD_WEEKS : parseNumber(lead) },
    keys,
    errors,
  };
}

/** The schema's messages name the API's fields ("hoursPerWeek above 80…"): name them as the grid does. */
function humanize(message: string): string {
  return message
    .replace(/^hoursPerWeek\b/, "Hours per week")
    .replace(/^headcount\b/, "Headcount")
    .replace(/^hiringLeadWeeks\b/, "The lead time");
}

/**
 * Problems (zod's, or the API's `details`) keyed by the grid's field keys: "rows.3.headcount" is
 * the headcount of the cell of row 3; a problem with a row's skill or the row itself is shown at
 * its headcount.
 */
export function fieldErrorsFromIssues(
  issues: ReadonlyArray<{ path: PropertyKey[] | string; message: string }>,
  keys: readonly string[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = Array.isArray(issue.path) ? issue.path.map(String) : issue.path.split(".");
    let key: string | null = null;
    if (path[0] === "rows" && path[1] !== undefined && keys[Number(path[1])]) {
      const field = path[2] === "hoursPerWeek" ? "hoursPerWeek" : "headcount";
      key = `${keys[Number(path[1])]}.${field}`;
    } else if (path[0] === LEAD_FIELD) key = LEAD_FIELD;
    if (key) errors[key] ??= humanize(issue.message);
  }
  return errors;
}

/** Validates the grid with the API's own schema; problems come back keyed by field. */
export function validateDraft(
  draft: StaffingDraft,
  skillIds: readonly string[],
  quarters: readonly string[],
): { ok: true; plan: PutStaffingInput; keys: string[] } | { ok: false; errors: FieldErrors; keys: string[] } {
  const { body, keys, errors } = bodyFromDraft(draft, skillIds, quarters);
  const parsed = putStaffingSchema.safeParse(body);
  const all = { ...(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, keys)), ...errors };
  if (Object.keys(all).length > 0) return { ok: false, errors: all, keys };
  return { ok: true, plan: parsed.data!, keys };
}
