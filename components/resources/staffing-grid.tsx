"use client";

import { Fragment, useId } from "react";
import { cx } from "@/components/ui/cx";
import { ErrorIcon } from "@/components/ui/icons";
import { controlClasses } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/client/forms";
import type { Skill } from "@/lib/validation/teams";
import { gridCell, moveInGrid } from "./grid-keys";
import { quarterLabel } from "./numbers";
import {
  DEFAULT_HOURS_PER_WEEK,
  cellDiffers,
  cellKey,
  cellOf,
  fieldKey,
  type CellField,
  type StaffingDraft,
} from "./staffing-draft";

const FIELDS: { field: CellField; label: string; short: string }[] = [
  { field: "headcount", label: "people", short: "People" },
  { field: "hoursPerWeek", label: "hours per week per person", short: "h/week" },
];

/** "2 × 32 h" for a cell of a plan, or "none". */
export function cellSummary(draft: StaffingDraft, skillId: string, quarter: string): string {
  const cell = cellOf(draft, skillId, quarter);
  if (cell.headcount.trim() === "") return "none";
  return `${cell.headcount} × ${cell.hoursPerWeek.trim() || DEFAULT_HOURS_PER_WEEK} h`;
}

/**
 * The staffing plan as a grid of inputs, skills down and quarters across, two per cell (people,
 * focused hours a week each). Problems and, after a conflict, the other person's values appear in a
 * row under the skill, below the quarter they concern.
 */
export function StaffingGrid({
  skills,
  quarters,
  draft,
  errors,
  theirs,
  disabled,
  onChange,
}: {
  skills: Skill[];
  quarters: string[];
  draft: StaffingDraft;
  errors: FieldErrors;
  /** The plan someone else saved meanwhile, to compare with (null: no conflict). */
  theirs: StaffingDraft | null;
  disabled: boolean;
  onChange: (skillId: string, quarter: string, field: CellField, value: string) => void;
}) {
  const id = useId();
  const errorId = (key: string) => `${id}-${key.replace(/\W/g, "-")}`;

  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-[13px]" onKeyDown={moveInGrid}>
        <caption className="sr-only">
          Staffing plan: people and focused hours per week per person, for each skill and quarter
        </caption>
        <thead className="bg-subtle text-left text-xs text-ink-soft">
          <tr>
            <th
              rowSpan={2}
              scope="col"
              className="sticky left-0 z-10 min-w-32 border-r border-b border-line bg-subtle px-3 py-2 font-semibold"
            >
              Skill
            </th>
            {quarters.map((q) => (
              <th
                key={q}
                colSpan={2}
                scope="colgroup"
                className="border-b border-l border-line px-2 pt-2 pb-1 text-center font-semibold whitespace-nowrap text-ink"
              >
                {quarterLabel(q)}
              </th>
            ))}
          </tr>
          <tr>
            {quarters.map((q) => (
              <Fragment key={q}>
                {FIELDS.map(({ field, short }) => (
                  <th
                    key={field}
                    scope="col"
                    className={cx(
                      "border-b border-line px-1 pb-1.5 text-center font-medium whitespace-nowrap text-muted",
                      field === "headcount" && "border-l",
                    )}
                  >
                    {short}
                  </th>
                ))}
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {skills.map((skill, row) => {
            const notes = quarters.map((q) => {
              const problems = FIELDS.flatMap(({ field }) => {
                const message = errors[fieldKey(skill.id, q, field)];
                return message ? [{ key: fieldKey(skill.id, q, field), message }] : [];
              });
              const conflict = theirs && cellDiffers(draft, theirs, cellKey(skill.id, q));
              return { quarter: q, problems, conflict };
            });
            const hasNotes = notes.some((n) => n.problems.length > 0 || n.conflict);
            return (
              <Fragment key={skill.id}>
                <tr className="border-b border-line last:border-b-0">
                  <th
                    scope="row"
                    className="sticky left-0 z-10 border-r border-line bg-surface px-3 py-1.5 text-left font-medium text-ink"
                  >
                    {skill.name}
                  </th>
                  {quarters.map((q, qi) => (
                    <Fragment key={q}>
                      {FIELDS.map(({ field, label }, fi) => {
                        const key = fieldKey(skill.id, q, field);
                        const error = errors[key];
                        return (
                          <td key={field} className={cx("px-1 py-1.5", fi === 0 && "border-l border-line")}>
                            <input
                              {...gridCell(row, qi * 2 + fi)}
                              type="text"
                              inputMode="decimal"
                              autoComplete="off"
                              disabled={disabled}
                              aria-label={`${skill.name}, ${quarterLabel(q)}: ${label}`}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? errorId(key) : undefined}
                              placeholder={
                                field === "hoursPerWeek" ? String(DEFAULT_HOURS_PER_WEEK) : undefined
                              }
                              value={cellOf(draft, skill.id, q)[field]}
                              onChange={(e) => onChange(skill.id, q, field, e.target.value)}
                              className={cx(
                                controlClasses,
                                "mx-auto h-8 w-14 px-2 text-right tabular-nums placeholder:italic",
                              )}
                            />
                          </td>
                        );
                      })}
                    </Fragment>
                  ))}
                </tr>
                {hasNotes && (
                  <tr className="border-b border-line bg-canvas/60">
                    <td className="sticky left-0 z-10 border-r border-line bg-canvas px-3 py-1 text-xs text-muted">
                      <span className="sr-only">{skill.name}: </span>
                    </td>
                    {notes.map(({ quarter, problems, conflict }) => (
                      <td key={quarter} colSpan={2} className="border-l border-line px-2 py-1.5 align-top">
                        {problems.map((p) => (
                          <p
                            key={p.key}
                            id={errorId(p.key)}
                            className="flex max-w-36 items-start gap-1 text-xs leading-4 text-danger-700"
                          >
                            <ErrorIcon className="mt-px size-3 shrink-0" />
                            <span>{p.message}</span>
                          </p>
                        ))}
                        {conflict && theirs && (
                          <p className="text-xs leading-4 whitespace-nowrap text-warning-800">
                            Theirs: {cellSummary(theirs, skill.id, quarter)}
                          </p>
                        )}
                      </td>
                    ))}
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
