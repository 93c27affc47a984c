"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/client/api";
import type { DateText } from "@/lib/client/dates";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/client/forms";
import { useUpdateItem } from "@/lib/client/timeline-items";
import { actualsProblems } from "@/lib/planning/actuals";
import type { Item } from "@/lib/validation/timeline";

interface ActualsValues {
  actualStart: string;
  actualFinish: string;
  remainingHours: string;
}

const valuesOf = (item: Item): ActualsValues => ({
  actualStart: item.actualStart ?? "",
  actualFinish: item.actualFinish ?? "",
  remainingHours: item.remainingHours === null ? "" : String(item.remainingHours),
});

const sameValues = (a: ActualsValues, b: ActualsValues) =>
  a.actualStart === b.actualStart &&
  a.actualFinish === b.actualFinish &&
  a.remainingHours === b.remainingHours;

/** Field messages from a refusal (400 details, 422 invalid_actuals with its paths), else one message. */
export function refusalErrors(error: unknown): { fields: FieldErrors; form: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, form: "Something went wrong. Try again." };
  const details = Array.isArray(error.details)
    ? (error.details as Array<{ path: unknown; message: unknown }>).filter(
        (d): d is { path: string; message: string } =>
          !!d && typeof d.message === "string" && typeof d.path === "string",
      )
    : [];
  const fields = fieldErrorsFromIssues(details);
  if (error.status === 412)
    return { fields, form: "Someone else changed this item meanwhile: its values are shown now." };
  return { fields, form: Object.keys(fields).length ? null : error.message };
}

/** Remaining hours matter while work is under way (or when some are recorded). */
const tracksRemaining = (item: Item) =>
  item.kind === "feature" &&
  (item.status === "in_progress" || item.status === "at_risk" || item.remainingHours !== null);

/**
 * The item's actuals (issue #18): the days work really started and finished (the server fills them
 * in when the status moves to in progress or done; editors correct them here) and the hours left
 * of work in progress. Commenters and viewers read them.
 */
export function ItemActuals({
  roadmapId,
  item,
  canEdit,
  dt,
}: {
  roadmapId: string;
  item: Item;
  canEdit: boolean;
  dt: DateText;
}) {
  const update = useUpdateItem(roadmapId);
  const [seen, setSeen] = useState(item);
  const [values, setValues] = useState(() => valuesOf(item));
  // The values the form last took from the item (or saved): what "unchanged" is measured against.
  const [loaded, setLoaded] = useState(values);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const milestone = item.kind === "milestone";

  // The item changed (a status change filled a date, someone else edited it): show its values
  // unless the user has typed over the ones the form had. Not measured against the item before the
  // change, which may be an optimistic copy of this form's own refused save.
  if (item !== seen) {
    setSeen(item);
    if (sameValues(values, loaded)) {
      setValues(valuesOf(item));
      setLoaded(valuesOf(item));
    }
  }

  if (!canEdit) {
    const rows: Array<[string, string]> = [];
    if (!milestone) rows.push(["Actual start", item.actualStart ? dt.date(item.actualStart) : "not started"]);
    rows.push([
      milestone ? "Reached on" : "Actual finish",
      item.actualFinish ? dt.date(item.actualFinish) : "—",
    ]);
    if (tracksRemaining(item))
      rows.push(["Remaining", item.remainingHours === null ? "—" : `${item.remainingHours} h`]);
    return (
      <section aria-labelledby={`actuals-${item.id}`} className="flex flex-col gap-2">
        <h3 id={`actuals-${item.id}`} className="text-sm font-semibold text-ink">
          Actuals
        </h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[13px]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="text-ink tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  const set = (key: keyof ActualsValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
    setSaved(false);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const patch = {
      ...(values.actualStart !== (item.actualStart ?? "") && { actualStart: values.actualStart || null }),
      ...(values.actualFinish !== (item.actualFinish ?? "") && { actualFinish: values.actualFinish || null }),
      ...(values.remainingHours !== valuesOf(item).remainingHours && {
        remainingHours: values.remainingHours === "" ? null : Number(values.remainingHours),
      }),
    };
    // The order of the dates is checked here; "not in the future" by the server, whose day counts.
    const local = actualsProblems(
      { actualStart: values.actualStart || null, actualFinish: values.actualFinish || null },
      "9999-12-31",
    );
    if (local.length) return setErrors(fieldErrorsFromIssues(local));
    if (Object.keys(patch).length === 0) return setSaved(true);
    setFormError(null);
    try {
      await update.mutateAsync({ itemId: item.id, patch, baseVersion: item.version });
      setLoaded(values);
      setSaved(true);
    } catch (error) {
      const { fields, form } = refusalErrors(error);
      setErrors(fields);
      setFormError(form);
    }
  }

  return (
    <section aria-labelledby={`actuals-${item.id}`} className="flex flex-col gap-3">
      <h3 id={`actuals-${item.id}`} className="text-sm font-semibold text-ink">
        Actuals
      </h3>
      <p className="-mt-2 text-[13px] text-muted">
        Filled in when the status moves to in progress or done; correct them here.
      </p>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
        <div className="grid grid-cols-2 gap-3">
          {!milestone && (
            <Field label="Actual start" error={errors.actualStart || null} optional>
              {(control) => (
                <Input
                  {...control}
                  type="date"
                  value={values.actualStart}
                  onChange={(e) => set("actualStart", e.target.value)}
                />
              )}
            </Field>
          )}
          <Field
            label={milestone ? "Reached on" : "Actual finish"}
            error={errors.actualFinish || null}
            optional
          >
            {(control) => (
              <Input
                {...control}
                type="date"
                value={values.actualFinish}
                onChange={(e) => set("actualFinish", e.target.value)}
              />
            )}
          </Field>
        </div>
        {tracksRemaining(item) && (
          <Field label="Remaining hours" error={errors.remainingHours || null} optional className="max-w-40">
            {(control) => (
              <Input
                {...control}
                type="number"
                inputMode="decimal"
                min={0}
                step={0.5}
                value={values.remainingHours}
                onChange={(e) => set("remainingHours", e.target.value)}
              />
            )}
          </Field>
        )}
        {formError && <FieldError>{formError}</FieldError>}
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" variant="secondary" loading={update.isPending}>
            Save actuals
          </Button>
          <span role="status" className="text-[13px] text-success-800">
            {saved ? "Actuals saved." : ""}
          </span>
        </div>
      </form>
    </section>
  );
}
