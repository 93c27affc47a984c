"use client";

import { useState, type FormEvent } from "react";
import { useDateText, useToday } from "@/lib/client/dates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/client/api";
import { currentCadenceOf, useSaveCadence, type Cadence } from "@/lib/client/reviews";
import { AUDIENCES, type CadenceInterval } from "@/lib/validation/communication-kinds";
import { draftFromCadence, rulesFromDraft, type CadenceDraft } from "./cadence-draft";
import { AUDIENCE_LABEL, INTERVAL_LABEL, INTERVAL_OPTIONS } from "./review-text";

/**
 * Per audience: off, weekly, fortnightly, monthly or quarterly, and the next review's date. Saved
 * with If-Match on the version it started from; when someone saved in between, their rules are
 * shown and the editor chooses to apply these again or take theirs.
 */
export function CadenceForm({
  roadmapId,
  cadence,
  onDone,
  onCancel,
}: {
  roadmapId: string;
  cadence: Cadence;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const today = useToday() ?? new Date().toISOString().slice(0, 10);
  const dt = useDateText();
  const save = useSaveCadence(roadmapId);
  const [draft, setDraft] = useState<CadenceDraft>(() => draftFromCadence(cadence, today));
  // The version these edits build on; a 412 keeps it until the editor picks a side.
  const [baseVersion, setBaseVersion] = useState(cadence.version);
  const [missing, setMissing] = useState<string[]>([]);
  const conflict = save.error ? currentCadenceOf(save.error) : null;

  function submit(version: number) {
    const result = rulesFromDraft(draft);
    setMissing(result.missing);
    if (!result.rules) return;
    save.mutate({ body: { rules: result.rules }, version }, { onSuccess: onDone });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit(baseVersion);
  }

  function set(audience: keyof CadenceDraft, patch: Partial<CadenceDraft[keyof CadenceDraft]>) {
    setDraft((old) => ({ ...old, [audience]: { ...old[audience], ...patch } }));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Review cadence">
      <div className="flex flex-col divide-y divide-line">
        {AUDIENCES.map((audience) => {
          const row = draft[audience];
          const invalid = missing.includes(audience);
          return (
            <fieldset
              key={audience}
              className="grid grid-cols-2 items-start gap-x-3 gap-y-1.5 py-3 first:pt-0 sm:grid-cols-[8rem_minmax(0,1fr)_minmax(0,1fr)]"
            >
              <legend className="float-left col-span-2 text-sm font-semibold text-ink sm:col-span-1 sm:pt-7">
                {AUDIENCE_LABEL[audience]}
              </legend>
              <Field label="How often">
                {(control) => (
                  <Select
                    {...control}
                    value={row.every}
                    onChange={(e) => set(audience, { every: e.target.value as CadenceInterval | "off" })}
                  >
                    {INTERVAL_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Next review" error={invalid ? "Pick the date of the next review." : null}>
                {(control) => (
                  <Input
                    {...control}
                    type="date"
                    value={row.nextOn}
                    disabled={row.every === "off"}
                    onChange={(e) => set(audience, { nextOn: e.target.value })}
                  />
                )}
              </Field>
            </fieldset>
          );
        })}
      </div>

      {conflict ? (
        <Alert
          tone="warning"
          title="Someone else changed the cadence while you were editing"
          actions={
            <>
              <Button
                size="sm"
                variant="primary"
                loading={save.isPending}
                onClick={() => {
                  setBaseVersion(conflict.version);
                  submit(conflict.version);
                }}
              >
                Apply mine again
              </Button>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  setDraft(draftFromCadence(conflict, today));
                  setBaseVersion(conflict.version);
                  save.reset();
                }}
              >
                Use theirs
              </Button>
            </>
          }
        >
          <p>Your choices are kept above. The cadence now reads:</p>
          {conflict.rules.length === 0 ? (
            <p className="mt-1">No reviews for any audience.</p>
          ) : (
            <ul className="mt-1 list-disc pl-5">
              {conflict.rules.map((r) => (
                <li key={r.audience}>
                  {AUDIENCE_LABEL[r.audience]}: {INTERVAL_LABEL[r.every].toLowerCase()}, next on{" "}
                  {dt.date(r.nextOn)}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      ) : (
        save.error && (
          <Alert tone="error" title="The cadence was not saved">
            {errorMessage(save.error)}
          </Alert>
        )
      )}

      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        {!conflict && (
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save cadence
          </Button>
        )}
      </div>
    </form>
  );
}
