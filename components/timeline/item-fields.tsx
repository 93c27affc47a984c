"use client";

import { OwnerField } from "@/components/teams/owner-field";
import { cx } from "@/components/ui/cx";
import { ChoiceField } from "@/components/ui/choice-field";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrors } from "@/lib/client/forms";
import type { Member } from "@/lib/validation/teams";
import type { Workstream } from "@/lib/validation/timeline";
import type { ItemFormValues } from "./item-form-values";
import { ItemSkillHours } from "./item-skill-hours";
import { STATUS_INFO, STATUS_ORDER } from "./item-status";

export type SetValue = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => void;

/** The message for a field, wherever the schema put it (estimate fields sit under "estimate."). */
export function errorFor(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? errors[`estimate.${field}`];
}

/** The editable fields of an item; milestones get one date, an outcome and "key", features dates and hours. */
export function ItemFields({
  values,
  set,
  errors,
  lanes,
  members,
  horizon,
  teamId,
}: {
  teamId: string;
  values: ItemFormValues;
  set: SetValue;
  errors: FieldErrors;
  lanes: Workstream[];
  members: Member[];
  horizon: { start: string; end: string };
}) {
  const milestone = values.kind === "milestone";
  return (
    <>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-[13px] font-medium text-ink">Kind</legend>
        <div className="grid grid-cols-2 gap-1 rounded-md border border-line-strong bg-subtle p-0.5">
          {(["feature", "milestone"] as const).map((kind) => (
            <label
              key={kind}
              className={cx(
                "flex h-8 cursor-pointer items-center justify-center rounded text-[13px] font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600",
                values.kind === kind ? "bg-surface text-ink shadow-xs" : "text-ink-soft hover:text-ink",
              )}
            >
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={values.kind === kind}
                onChange={() => set("kind", kind)}
                className="sr-only"
              />
              {kind === "feature" ? "Feature" : "Milestone"}
            </label>
          ))}
        </div>
      </fieldset>

      <Field label="Title" error={errors.title}>
        {(control) => (
          <Input
            {...control}
            autoComplete="off"
            maxLength={200}
            value={values.title}
            onChange={(e) => set("title", e.target.value)}
          />
        )}
      </Field>

      <Field label="Lane" error={errors.workstreamId}>
        {(control) => (
          <Select
            {...control}
            value={values.workstreamId}
            onChange={(e) => set("workstreamId", e.target.value)}
          >
            <option value="">No lane</option>
            {lanes.map((lane) => (
              <option key={lane.id} value={lane.id}>
                {lane.name}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <div className={cx("grid gap-3", !milestone && "grid-cols-2")}>
        <Field label={milestone ? "Date" : "Start"} error={errors.startDate}>
          {(control) => (
            <Input
              {...control}
              type="date"
              min={horizon.start}
              max={horizon.end}
              value={values.startDate}
              onChange={(e) => set("startDate", e.target.value)}
            />
          )}
        </Field>
        {!milestone && (
          <Field label="End" error={errors.endDate}>
            {(control) => (
              <Input
                {...control}
                type="date"
                min={values.startDate || horizon.start}
                max={horizon.end}
                value={values.endDate}
                onChange={(e) => set("endDate", e.target.value)}
              />
            )}
          </Field>
        )}
      </div>

      {milestone && (
        <>
          <Field
            label="Outcome"
            error={errors.outcome}
            hint="The specific, measurable result that marks it reached, e.g. “500 merchants take live EUR payments”."
          >
            {(control) => (
              <Textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={values.outcome}
                onChange={(e) => set("outcome", e.target.value)}
              />
            )}
          </Field>
          <label className="flex min-h-6 items-start gap-2.5 text-[13px] text-ink">
            <input
              type="checkbox"
              checked={values.isKey}
              onChange={(e) => set("isKey", e.target.checked)}
              className="mt-0.5 size-4 accent-accent-700"
            />
            <span>
              <span className="font-medium">Key milestone</span>
              <span className="block text-muted">Drawn larger with a flag; shown to executives.</span>
            </span>
          </label>
        </>
      )}

      <ChoiceField
        label="Status"
        error={errors.status}
        value={values.status}
        choices={STATUS_ORDER}
        labelOf={(s) => STATUS_INFO[s].label}
        onChange={(s) => set("status", s)}
      />

      {!milestone && (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="text-[13px] font-medium text-ink">
            Estimate <span className="font-normal text-muted">(hours, optional)</span>
          </legend>
          <p className="text-[13px] leading-5 text-muted">
            Three points: best case, most likely, worst case.
          </p>
          <div className="grid grid-cols-3 gap-2">
            {(
              [
                ["optimisticHours", "Optimistic"],
                ["likelyHours", "Likely"],
                ["pessimisticHours", "Pessimistic"],
              ] as const
            ).map(([key, label]) => (
              <Field key={key} label={label} error={errorFor(errors, key)}>
                {(control) => (
                  <Input
                    {...control}
                    inputMode="decimal"
                    autoComplete="off"
                    value={values[key]}
                    onChange={(e) => set(key, e.target.value)}
                  />
                )}
              </Field>
            ))}
          </div>
          {errors.estimate && <p className="text-[13px] text-danger-700">{errors.estimate}</p>}
        </fieldset>
      )}

      {!milestone && (
        <ItemSkillHours
          teamId={teamId}
          rows={values.skills}
          onChange={(rows) => set("skills", rows)}
          errors={errors}
        />
      )}

      <OwnerField
        value={values.ownerId}
        onChange={(v) => set("ownerId", v)}
        members={members}
        error={errors.ownerId}
      />

      <Field label="Description" error={errors.description} optional>
        {(control) => (
          <Textarea
            {...control}
            rows={4}
            maxLength={10_000}
            value={values.description}
            onChange={(e) => set("description", e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
