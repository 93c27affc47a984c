"use client";

import { useState, type FormEvent } from "react";
import { useDateText } from "@/lib/client/dates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { splitServerError, validate, type FieldErrors } from "@/lib/client/forms";
import { currentPhaseOf, useCreatePhase, useUpdatePhase, type Phase } from "@/lib/client/phases";
import { createPhaseSchema, type CreatePhaseInput } from "@/lib/validation/phases";

const FIELDS = ["name", "startDate", "endDate", "gate.title", "gate.outcome"] as const;

interface Values {
  name: string;
  startDate: string;
  endDate: string;
  gateTitle: string;
  gateOutcome: string;
}

function valuesOf(phase: Phase | null, defaults: { startDate: string; endDate: string }): Values {
  return {
    name: phase?.name ?? "",
    startDate: phase?.startDate ?? defaults.startDate,
    endDate: phase?.endDate ?? defaults.endDate,
    gateTitle: phase?.gate?.title ?? "",
    gateOutcome: phase?.gate?.outcome ?? "",
  };
}

/** The request body: no gate when both of its fields are left empty. */
function inputOf(values: Values): CreatePhaseInput {
  const noGate = !values.gateTitle.trim() && !values.gateOutcome.trim();
  return {
    name: values.name,
    startDate: values.startDate,
    endDate: values.endDate,
    gate: noGate ? null : { title: values.gateTitle, outcome: values.gateOutcome },
  };
}

/**
 * Adds a phase, or edits `phase`: name, dates and an optional gate at its end. Overlaps, dates
 * outside the horizon and a stale version are answered by the server and shown here; a 412 shows
 * the phase as it is now and offers to save the edit over it.
 */
export function PhaseFormDialog({
  roadmapId,
  phase,
  defaults,
  open,
  onClose,
}: {
  roadmapId: string;
  /** null: a new phase. */
  phase: Phase | null;
  /** Dates a new phase starts with (e.g. the day after the last phase). */
  defaults: { startDate: string; endDate: string };
  open: boolean;
  onClose: () => void;
}) {
  const dt = useDateText();
  const create = useCreatePhase(roadmapId);
  const update = useUpdatePhase(roadmapId);
  const mutation = phase ? update : create;
  // The phase as the dialog opened on it: live updates to the list must not move the If-Match
  // version under the edit (a change made meanwhile is a 412, shown below, not overwritten).
  const [opened] = useState(phase);
  const [values, setValues] = useState<Values>(() => valuesOf(phase, defaults));
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  /** After a 412: the phase as someone else left it; saving again writes over that version. */
  const [theirs, setTheirs] = useState<Phase | null>(null);
  const server = splitServerError(theirs && mutation.error?.status === 412 ? null : mutation.error, FIELDS);
  const errors = clientErrors ?? server.fieldErrors;
  const gateDecided = !!opened?.gate?.decision;

  const set = (field: keyof Values) => (value: string) => {
    setValues((old) => ({ ...old, [field]: value }));
    if (clientErrors) setClientErrors(null);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(createPhaseSchema, inputOf(values));
    if (!checked.ok) {
      mutation.reset();
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors(null);
    const done = { onSuccess: onClose };
    if (!opened) return create.mutate(checked.data, done);
    update.mutate(
      { phaseId: opened.id, version: theirs?.version ?? opened.version, patch: checked.data },
      {
        ...done,
        onError: (error) => {
          const current = currentPhaseOf(error);
          if (current) setTheirs(current);
        },
      },
    );
  }

  const formId = opened ? `phase-form-${opened.id}` : "phase-form-new";
  const field = (name: keyof Values, path: (typeof FIELDS)[number]) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) => set(name)(e.target.value),
    error: errors[path] ?? null,
  });
  const nameField = field("name", "name");
  const startField = field("startDate", "startDate");
  const endField = field("endDate", "endDate");
  const titleField = field("gateTitle", "gate.title");
  const outcomeField = field("gateOutcome", "gate.outcome");

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={opened ? `Edit “${opened.name}”` : "Add a phase"}
      description="A named span of the roadmap, inside its horizon and clear of the other phases. A gate at its end is a go/no-go decision."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" loading={mutation.isPending}>
            {theirs ? "Save over their changes" : opened ? "Save phase" : "Add phase"}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Name" error={nameField.error}>
          {(control) => (
            <Input
              {...control}
              value={nameField.value}
              onChange={nameField.onChange}
              placeholder="e.g. Core infrastructure"
              required
            />
          )}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Starts" error={startField.error}>
            {(control) => (
              <Input
                {...control}
                type="date"
                required
                value={startField.value}
                onChange={startField.onChange}
              />
            )}
          </Field>
          <Field label="Ends" error={endField.error}>
            {(control) => (
              <Input {...control} type="date" required value={endField.value} onChange={endField.onChange} />
            )}
          </Field>
        </div>
        <fieldset className="flex flex-col gap-3 rounded-lg border border-line px-3.5 pt-2 pb-3.5">
          <legend className="px-1 text-[13px] font-medium text-ink">
            Gate at the end <span className="font-normal text-muted">(optional)</span>
          </legend>
          {gateDecided && (
            <p className="text-[13px] text-muted">This gate was decided, so it can no longer be changed.</p>
          )}
          <Field label="Gate title" error={titleField.error}>
            {(control) => (
              <Input
                {...control}
                value={titleField.value}
                onChange={titleField.onChange}
                disabled={gateDecided}
                placeholder="e.g. Beta go/no-go"
              />
            )}
          </Field>
          <Field label="Outcome to pass it" error={outcomeField.error}>
            {(control) => (
              <Textarea
                {...control}
                rows={2}
                value={outcomeField.value}
                onChange={outcomeField.onChange}
                disabled={gateDecided}
                placeholder="e.g. 20 pilot teams use it weekly"
              />
            )}
          </Field>
        </fieldset>
        {theirs && (
          <Alert tone="warning" title="Someone changed this phase while you were editing">
            It is now “{theirs.name}”, {dt.range(theirs.startDate, theirs.endDate)}
            {theirs.gate ? `, gate “${theirs.gate.title}”` : ", no gate"}. Save again to put your version over
            theirs, or cancel to keep theirs.
          </Alert>
        )}
        {server.formError && (
          <Alert tone="error" title={opened ? "The phase was not saved" : "The phase was not added"}>
            {server.formError}
          </Alert>
        )}
      </form>
    </Dialog>
  );
}
