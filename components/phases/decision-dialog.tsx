"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { errorMessage } from "@/lib/client/api";
import { useDecideGate, type Phase } from "@/lib/client/phases";
import { GATE_DECISIONS, type GateDecision } from "@/lib/validation/phase-kinds";
import { DECISION_HINT, DECISION_LABEL, GateGlyph } from "./gate-status";

/** Headings for the errors a decision can meet; the server's message says what to do. */
const FAILURE_TITLE: Record<string, string> = {
  gate_decided: "This gate has been decided already",
  no_gate: "This phase has no gate",
  forbidden: "Only editors record gate decisions",
};

/** Records the go/no-go decision at a phase's gate: proceed, replan or stop, with notes. Once only. */
export function DecisionDialog({
  roadmapId,
  phase,
  open,
  onClose,
}: {
  roadmapId: string;
  phase: Phase;
  open: boolean;
  onClose: () => void;
}) {
  const decide = useDecideGate(roadmapId);
  const [decision, setDecision] = useState<GateDecision | null>(null);
  const [notes, setNotes] = useState("");
  const [missing, setMissing] = useState(false);
  const error = decide.error;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!decision) {
      setMissing(true);
      return;
    }
    decide.mutate({ phaseId: phase.id, body: { decision, notes } }, { onSuccess: onClose });
  }

  const formId = `decision-form-${phase.id}`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Decide the gate “${phase.gate?.title ?? phase.name}”`}
      description={
        <>
          {phase.gate?.outcome && (
            <>
              To pass: {phase.gate.outcome}
              <br />
            </>
          )}
          A decision is recorded once, with a snapshot of the roadmap as it is now.
        </>
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" loading={decide.isPending}>
            Record decision
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <fieldset
          className="flex flex-col gap-2"
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? `${formId}-missing` : undefined}
        >
          <legend className="mb-1.5 text-[13px] font-medium text-ink">Decision</legend>
          {GATE_DECISIONS.map((d) => (
            <label
              key={d}
              className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-line px-3 py-2.5 has-checked:border-accent-500 has-checked:bg-accent-50"
            >
              <input
                type="radio"
                name="decision"
                value={d}
                checked={decision === d}
                onChange={() => {
                  setDecision(d);
                  setMissing(false);
                }}
                className="mt-1 accent-accent-600"
              />
              <span className="flex flex-col">
                <span className="flex items-center gap-1.5 text-sm font-medium text-ink">
                  <GateGlyph decision={d} />
                  {DECISION_LABEL[d]}
                </span>
                <span className="text-[13px] leading-5 text-muted">{DECISION_HINT[d]}</span>
              </span>
            </label>
          ))}
          {missing && (
            <p id={`${formId}-missing`} className="text-[13px] text-danger-700">
              Choose proceed, replan or stop.
            </p>
          )}
        </fieldset>
        <Field label="Notes" optional hint="Why, and what changes now: kept with the decision.">
          {(control) => (
            <Textarea {...control} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          )}
        </Field>
        {error && (
          <Alert tone="error" title={FAILURE_TITLE[error.code] ?? "The decision was not recorded"}>
            {errorMessage(error)}
          </Alert>
        )}
      </form>
    </Dialog>
  );
}
