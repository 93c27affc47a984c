"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CheckCircleIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/client/api";
import type { FieldErrors } from "@/lib/client/forms";
import { useSaveStaffing, type StaffingPlan } from "@/lib/client/resources";
import type { Skill } from "@/lib/validation/teams";
import { StaffingGrid } from "./staffing-grid";
import {
  DEFAULT_HIRING_LEAD_WEEKS,
  DEFAULT_HOURS_PER_WEEK,
  LEAD_FIELD,
  cellKey,
  draftChanged,
  draftFromPlan,
  fieldErrorsFromIssues,
  fieldKey,
  validateDraft,
  type CellField,
  type StaffingDraft,
} from "./staffing-draft";

function issuesOf(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.filter(
    (d): d is { path: string; message: string } =>
      typeof d === "object" && d !== null && typeof d.path === "string" && typeof d.message === "string",
  );
}

function focusFirstInvalid(root: HTMLElement | null) {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * The editable staffing plan: the grid, the hiring lead time and Save (If-Match on the version the
 * edits started from). While nothing is typed the grid follows the saved plan, live; once something
 * is, the edits are kept until saved or discarded. If someone else saves meanwhile, their values are
 * shown beside the edits and the editor chooses.
 */
export function StaffingEditor({
  roadmapId,
  skills,
  quarters,
  plan,
}: {
  roadmapId: string;
  skills: Skill[];
  quarters: string[];
  plan: StaffingPlan;
}) {
  const save = useSaveStaffing(roadmapId);
  const planDraft = useMemo(() => draftFromPlan(plan), [plan]);
  const [draft, setDraft] = useState<StaffingDraft | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [saved, setSaved] = useState({ text: "", n: 0 });
  // Which cell each row of the last request came from, to show the server's problems at the cell.
  const [keys, setKeys] = useState<string[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const shown = draft ?? planDraft;
  const dirty = draft !== null && draftChanged(draft, planDraft);
  const conflict = draft !== null && !save.isPending && plan.version !== draft.baseVersion;
  const skillIds = useMemo(() => skills.map((s) => s.id), [skills]);

  const serverError = save.error;
  const serverFieldErrors = useMemo(
    () => fieldErrorsFromIssues(issuesOf(serverError), keys),
    [serverError, keys],
  );
  const errors = clientErrors ?? serverFieldErrors;
  const formError =
    !clientErrors && serverError && serverError.status !== 412
      ? Object.keys(serverFieldErrors).length > 0
        ? "Some cells need attention: see the messages under them."
        : serverError.message
      : null;

  // Rows of skills no longer in the catalogue or quarters outside the horizon are dropped on save.
  const dropped = plan.rows.filter((r) => !skillIds.includes(r.skillId) || !quarters.includes(r.quarter));

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function change(skillId: string, quarter: string, field: CellField | typeof LEAD_FIELD, value: string) {
    const base = draft ?? planDraft;
    if (field === LEAD_FIELD) setDraft({ ...base, hiringLeadWeeks: value });
    else {
      const key = cellKey(skillId, quarter);
      const cell = base.cells[key] ?? { headcount: "", hoursPerWeek: "" };
      setDraft({ ...base, cells: { ...base.cells, [key]: { ...cell, [field]: value } } });
    }
    if (saved.text) setSaved((old) => ({ ...old, text: "" }));
    const errorKey = field === LEAD_FIELD ? LEAD_FIELD : fieldKey(skillId, quarter, field);
    if (clientErrors?.[errorKey]) setClientErrors({ ...clientErrors, [errorKey]: undefined });
  }

  function submit(from: StaffingDraft) {
    if (save.isPending) return;
    const result = validateDraft(from, skillIds, quarters);
    setKeys(result.keys);
    if (!result.ok) {
      save.reset();
      setClientErrors(result.errors);
      focusFirstInvalid(root.current);
      return;
    }
    setClientErrors(null);
    save.mutate(
      { plan: result.plan, version: from.baseVersion },
      {
        onSuccess: () => {
          setDraft(null);
          setSaved((old) => ({ text: "Saved: capacity and the ramp-up plan are updated.", n: old.n + 1 }));
        },
        onError: () => focusFirstInvalid(root.current),
      },
    );
  }

  function discard() {
    setDraft(null);
    setClientErrors(null);
    save.reset();
  }

  return (
    <div ref={root} className="flex flex-col gap-4">
      {conflict && (
        <Alert
          tone="warning"
          title="Someone else saved the staffing plan while you were editing"
          actions={
            <>
              <Button
                size="sm"
                variant="primary"
                onClick={() => submit({ ...draft, baseVersion: plan.version })}
              >
                Save mine over theirs
              </Button>
              <Button size="sm" variant="secondary" onClick={discard}>
                Discard mine, keep theirs
              </Button>
            </>
          }
        >
          Your edits are still here. Where their plan differs, their values are shown under the cell.
        </Alert>
      )}
      {formError && <Alert tone="error">{formError}</Alert>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(draft ?? planDraft);
        }}
        className="flex flex-col gap-4"
      >
        <StaffingGrid
          skills={skills}
          quarters={quarters}
          draft={shown}
          errors={errors}
          theirs={conflict ? planDraft : null}
          disabled={false}
          onChange={change}
        />
        <p className="text-[13px] leading-5 text-muted">
          People per skill and quarter, and the focused hours each gives a week ({DEFAULT_HOURS_PER_WEEK} when
          left empty). Arrow keys move between cells; Tab walks them in order.
        </p>
        {dropped.length > 0 && (
          <Alert tone="info">
            {dropped.length === 1 ? "One saved row is" : `${dropped.length} saved rows are`} for a quarter
            outside the horizon or a skill no longer in the catalogue; saving removes{" "}
            {dropped.length === 1 ? "it" : "them"}.
          </Alert>
        )}
        <div className="flex flex-wrap items-end justify-between gap-4">
          <Field
            label="Hiring lead time (weeks)"
            error={errors[LEAD_FIELD]}
            hint={`From starting to hire to a productive person; the ramp-up plan counts back this far (${DEFAULT_HIRING_LEAD_WEEKS} by default).`}
            className="max-w-md"
          >
            {(control) => (
              <div className="w-24">
                <Input
                  {...control}
                  inputMode="numeric"
                  autoComplete="off"
                  value={shown.hiringLeadWeeks}
                  onChange={(e) => change("", "", LEAD_FIELD, e.target.value)}
                />
              </div>
            )}
          </Field>
          <div className="flex flex-wrap items-center gap-2">
            <p role="status" className="flex items-center gap-1.5 text-[13px] text-success-800">
              {!dirty && saved.text && <CheckCircleIcon className="size-4" />}
              {!dirty && saved.text}
              {saved.n % 2 ? "\u200b" : ""}
            </p>
            {dirty && <Badge tone="warning">Unsaved changes</Badge>}
            {dirty && (
              <Button variant="ghost" onClick={discard}>
                Discard changes
              </Button>
            )}
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save staffing plan
            </Button>
          </div>
        </div>
      </form>
    </div>
  );
}
