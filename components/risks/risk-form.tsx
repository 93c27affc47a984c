"use client";

import { useState, type FormEvent } from "react";
import { OwnerField } from "@/components/teams/owner-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChoiceField } from "@/components/ui/choice-field";
import { Field } from "@/components/ui/field";
import { TrashIcon } from "@/components/ui/icons";
import { Input, Textarea } from "@/components/ui/input";
import { blankFields, type FieldErrors } from "@/lib/client/forms";
import { needsContingency, useCreateRisk, useUpdateRisk, type Risk } from "@/lib/client/resources";
import { RISK_KINDS, RISK_STATUSES } from "@/lib/validation/resource-kinds";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import { LinkedItemsPicker } from "./linked-items-picker";
import { NeedsContingencyFlag } from "./risk-flag";
import { RiskConflict } from "./risk-conflict";
import {
  blankRiskValues,
  humanizeErrors,
  inputFromValues,
  patchFrom,
  serverProblems,
  valuesFromRisk,
  type RiskFormValues,
} from "./risk-form-values";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_KIND_INFO, RISK_STATUS_INFO } from "./risk-labels";
import { RatingField } from "./rating-field";
import { RiskScoreBadge } from "./risk-score-badge";

function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() =>
    form.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby] input')?.focus(),
  );
}

/**
 * Adds a risk, or edits one in place (If-Match on the version the edit started from). A change
 * someone else saved meanwhile is shown beside the edit, which stays until the editor chooses.
 */
export function RiskForm({
  roadmapId,
  risk,
  items,
  members,
  onClose,
  onSaved,
  onDelete,
}: {
  roadmapId: string;
  /** The risk as the cache has it now; absent: a new risk. */
  risk?: Risk;
  items: Item[];
  members: Member[];
  onClose: () => void;
  onSaved: (risk: Risk, created: boolean) => void;
  onDelete?: (risk: Risk) => void;
}) {
  const create = useCreateRisk(roadmapId);
  const update = useUpdateRisk(roadmapId);
  const mutation = risk ? update : create;
  const [values, setValues] = useState<RiskFormValues>(() =>
    risk ? valuesFromRisk(risk) : blankRiskValues(),
  );
  const [baseVersion, setBaseVersion] = useState(risk?.version ?? 0);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const server = serverProblems(mutation.error);
  const errors = clientErrors ?? server.fieldErrors;
  const conflict = risk && !update.isPending && risk.version !== baseVersion;
  const score = values.likelihood * values.impact;
  const prefix = risk ? `risk-${risk.id}` : "new-risk";

  function set<K extends keyof RiskFormValues>(key: K, value: RiskFormValues[K]) {
    setValues((old) => ({ ...old, [key]: value }));
    if (clientErrors?.[key]) setClientErrors({ ...clientErrors, [key]: undefined });
  }

  function save(form: HTMLFormElement, version: number) {
    if (mutation.isPending) return;
    const input = inputFromValues(values);
    // A blank title and a delay that is not a number are caught here (NaN would be sent as null);
    // the server checks everything and its 400 details show under the fields.
    const problems = {
      ...blankFields(input, { title: "Title" }),
      ...(Number.isNaN(input.delayDays) && { delayDays: "delayDays must be a number of working days." }),
    };
    if (Object.keys(problems).length > 0) return invalid(form, problems);
    if (!risk) {
      setClientErrors(null);
      create.mutate(input, {
        onSuccess: (created) => onSaved(created, true),
        onError: () => focusFirstInvalid(form),
      });
      return;
    }
    const patch = patchFrom(input, risk);
    setClientErrors(null);
    if (Object.keys(patch).length === 0 && version === risk.version) return onClose();
    setBaseVersion(version);
    update.mutate(
      { riskId: risk.id, version, patch },
      { onSuccess: (saved) => onSaved(saved, false), onError: () => focusFirstInvalid(form) },
    );
  }

  function invalid(form: HTMLFormElement, found: FieldErrors) {
    mutation.reset();
    setClientErrors(humanizeErrors(found));
    focusFirstInvalid(form);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(event.currentTarget, baseVersion);
  }

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={risk ? `Edit risk “${risk.title}”` : "New risk"}
      className="flex flex-col gap-4"
    >
      {conflict && risk && (
        <RiskConflict
          risk={risk}
          values={values}
          items={items}
          members={members}
          onKeepMine={(form) => save(form, risk.version)}
          onUseTheirs={() => {
            setValues(valuesFromRisk(risk));
            setBaseVersion(risk.version);
            update.reset();
          }}
        />
      )}
      {server.formError && <Alert tone="error">{server.formError}</Alert>}
      <div className="grid gap-x-6 gap-y-4 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-4">
          <Field label="Title" error={errors.title}>
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                maxLength={200}
                value={values.title}
                onChange={(e) => set("title", e.target.value)}
                placeholder="e.g. Card network certification slips"
              />
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <ChoiceField
              label="Kind"
              error={errors.kind}
              hint={RISK_KIND_INFO[values.kind].hint}
              value={values.kind}
              choices={RISK_KINDS}
              labelOf={(k) => RISK_KIND_INFO[k].label}
              onChange={(k) => set("kind", k)}
            />
            <ChoiceField
              label="Status"
              error={errors.status}
              value={values.status}
              choices={RISK_STATUSES}
              labelOf={(s) => RISK_STATUS_INFO[s].label}
              onChange={(s) => set("status", s)}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <RatingField
              label="Likelihood"
              name={`${prefix}-likelihood`}
              words={LIKELIHOOD_LABELS}
              value={values.likelihood}
              onChange={(v) => set("likelihood", v)}
              error={errors.likelihood}
            />
            <RatingField
              label="Impact"
              name={`${prefix}-impact`}
              words={IMPACT_LABELS}
              value={values.impact}
              onChange={(v) => set("impact", v)}
              error={errors.impact}
            />
          </div>
          <p className="flex flex-wrap items-center gap-2 text-[13px] text-ink-soft" aria-live="polite">
            <span>Likelihood × impact:</span>
            <RiskScoreBadge score={score} />
            {needsContingency({ ...values, contingency: values.contingency }) && <NeedsContingencyFlag />}
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <OwnerField
              value={values.ownerId}
              onChange={(v) => set("ownerId", v)}
              members={members}
              error={errors.ownerId}
            />
            <Field
              label="Delay if it happens"
              error={errors.delayDays}
              optional
              hint="Working days added to each linked item."
            >
              {(control) => (
                <Input
                  {...control}
                  inputMode="numeric"
                  autoComplete="off"
                  value={values.delayDays}
                  onChange={(e) => set("delayDays", e.target.value)}
                />
              )}
            </Field>
          </div>
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <LinkedItemsPicker
            items={items}
            value={values.itemIds}
            onChange={(ids) => set("itemIds", ids)}
            error={errors.itemIds}
          />
          <Field
            label="Contingency plan"
            error={errors.contingency}
            optional={score < 15}
            hint={
              score >= 15
                ? "A high risk (score 15 or more) needs one: what you will do if it happens."
                : "What you will do if it happens."
            }
          >
            {(control) => (
              <Textarea
                {...control}
                rows={3}
                maxLength={5000}
                value={values.contingency}
                onChange={(e) => set("contingency", e.target.value)}
              />
            )}
          </Field>
          <Field label="Description" error={errors.description} optional>
            {(control) => (
              <Textarea
                {...control}
                rows={2}
                maxLength={5000}
                value={values.description}
                onChange={(e) => set("description", e.target.value)}
              />
            )}
          </Field>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line pt-4">
        <div>
          {risk && onDelete && (
            <Button
              variant="danger-ghost"
              icon={<TrashIcon className="size-4" />}
              onClick={() => onDelete(risk)}
            >
              Delete risk
            </Button>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            {risk ? "Save risk" : "Add risk"}
          </Button>
        </div>
      </div>
    </form>
  );
}
