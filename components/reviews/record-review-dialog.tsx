"use client";

import { useState, type FormEvent } from "react";
import { useToday } from "@/lib/client/dates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChoiceField } from "@/components/ui/choice-field";
import { Field } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input, Textarea } from "@/components/ui/input";
import { errorMessage } from "@/lib/client/api";
import { useRecordReview, type Review } from "@/lib/client/reviews";
import { AUDIENCES, type Audience } from "@/lib/validation/communication-kinds";
import { AUDIENCE_LABEL } from "./review-text";

/** The 400 problem for a field ("heldOn", "decisions.1"), if the server named one. */
function issueAt(issues: { path: string; message: string }[], path: string): string | null {
  return issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message ?? null;
}

/**
 * Records a review: audience, date (today by default), notes and the decisions taken, one per row.
 * Saving takes a snapshot of the roadmap as it is, named after the review.
 */
export function RecordReviewDialog({
  roadmapId,
  open,
  audience: initialAudience,
  onClose,
  onRecorded,
}: {
  roadmapId: string;
  open: boolean;
  audience: Audience;
  onClose: () => void;
  onRecorded: (review: Review) => void;
}) {
  const today = useToday() ?? new Date().toISOString().slice(0, 10);
  const record = useRecordReview(roadmapId);
  const [audience, setAudience] = useState<Audience>(initialAudience);
  const [heldOn, setHeldOn] = useState(today);
  const [notes, setNotes] = useState("");
  const [decisions, setDecisions] = useState<{ key: number; text: string }[]>([{ key: 0, text: "" }]);
  const [nextKey, setNextKey] = useState(1);
  const issues = record.error?.issues ?? [];

  function addDecision() {
    setDecisions((old) => [...old, { key: nextKey, text: "" }]);
    setNextKey((k) => k + 1);
    // Focus the new row once it is drawn.
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>(`[data-decision="${nextKey}"]`)?.focus(),
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    record.mutate(
      {
        audience,
        heldOn,
        notes,
        decisions: decisions.map((d) => d.text.trim()).filter(Boolean),
      },
      { onSuccess: onRecorded },
    );
  }

  const formId = "record-review-form";
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Record a review"
      description="What was decided, for the history. Saving also takes a snapshot of the roadmap as it is now, to compare with later."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" loading={record.isPending}>
            Save review
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <div className="grid grid-cols-2 gap-3">
          <ChoiceField
            label="Audience"
            error={issueAt(issues, "audience")}
            value={audience}
            choices={AUDIENCES}
            labelOf={(a) => AUDIENCE_LABEL[a]}
            onChange={(a) => setAudience(a)}
          />
          <Field label="Held on" error={issueAt(issues, "heldOn")}>
            {(control) => (
              <Input
                {...control}
                type="date"
                required
                value={heldOn}
                onChange={(e) => setHeldOn(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1.5 text-[13px] font-medium text-ink">Decisions</legend>
          {decisions.map((decision, index) => (
            <div key={decision.key} className="flex items-start gap-2">
              <Field
                label={`Decision ${index + 1}`}
                hideLabel
                className="flex-1"
                error={issueAt(issues, `decisions.${index}`)}
              >
                {(control) => (
                  <Input
                    {...control}
                    data-decision={decision.key}
                    value={decision.text}
                    placeholder="e.g. Move the mobile launch to Q3"
                    onChange={(e) =>
                      setDecisions((old) =>
                        old.map((d) => (d.key === decision.key ? { ...d, text: e.target.value } : d)),
                      )
                    }
                  />
                )}
              </Field>
              <Button
                variant="ghost"
                className="px-2.5"
                onClick={() => setDecisions((old) => old.filter((d) => d.key !== decision.key))}
              >
                <TrashIcon className="size-4" />
                <span className="sr-only">Remove decision {index + 1}</span>
              </Button>
            </div>
          ))}
          <Button
            size="sm"
            variant="secondary"
            className="self-start"
            icon={<PlusIcon className="size-4" />}
            onClick={addDecision}
          >
            Add a decision
          </Button>
        </fieldset>
        <Field label="Notes" optional error={issueAt(issues, "notes")}>
          {(control) => (
            <Textarea {...control} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />
          )}
        </Field>
        {record.error && issues.length === 0 && (
          <Alert tone="error" title="The review was not saved">
            {errorMessage(record.error)}
          </Alert>
        )}
      </form>
    </Dialog>
  );
}
