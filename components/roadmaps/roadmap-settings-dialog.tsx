"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChoiceField } from "@/components/ui/choice-field";
import { Field } from "@/components/ui/field";
import { TrashIcon } from "@/components/ui/icons";
import { Input, Textarea } from "@/components/ui/input";
import { ApiError, errorMessage } from "@/lib/client/api";
import { splitServerError, validate, type FieldErrors } from "@/lib/client/forms";
import { useDeleteRoadmap, useUpdateRoadmap } from "@/lib/client/roadmaps";
import {
  ROADMAP_STATUSES,
  updateRoadmapSchema,
  type Roadmap,
  type UpdateRoadmapInput,
} from "@/lib/validation/roadmaps";
import { HorizonField } from "./horizon-field";

const STATUS_LABELS: Record<Roadmap["status"], string> = {
  draft: "Draft",
  active: "Active",
  archived: "Archived",
};
const FIELDS = ["title", "description", "startDate", "horizonMonths", "status"];

interface Values {
  title: string;
  description: string;
  startDate: string;
  horizonMonths: string;
  status: Roadmap["status"];
}

const valuesOf = (r: Roadmap): Values => ({
  title: r.title,
  description: r.description ?? "",
  startDate: r.startDate,
  horizonMonths: String(r.horizonMonths),
  status: r.status,
});

function patchOf(v: Values, base: Roadmap): Record<string, unknown> {
  const next: Record<string, unknown> = {
    title: v.title,
    description: v.description.trim() ? v.description : null,
    startDate: v.startDate,
    horizonMonths: v.horizonMonths.trim() === "" ? Number.NaN : Number(v.horizonMonths),
    status: v.status,
  };
  const before: Record<string, unknown> = {
    ...valuesOf(base),
    description: base.description,
    horizonMonths: base.horizonMonths,
  };
  return Object.fromEntries(Object.entries(next).filter(([k, value]) => value !== before[k]));
}

/**
 * The roadmap's own fields (PATCH with If-Match) and deleting it. A 412 shows the current values
 * and offers to apply the change again; a delete hands over to `onDeleted` (undo lives there).
 */
export function RoadmapSettingsDialog({
  open,
  roadmap,
  onClose,
  onDeleted,
}: {
  open: boolean;
  roadmap: Roadmap;
  onClose: () => void;
  onDeleted: (roadmap: Roadmap) => void;
}) {
  const [base, setBase] = useState(roadmap);
  const [values, setValues] = useState(() => valuesOf(roadmap));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Roadmap | null>(null);
  const update = useUpdateRoadmap(roadmap.id);
  const remove = useDeleteRoadmap(roadmap.id);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    setErrors((old) => ({ ...old, [key]: undefined }));
  };

  async function save(against: Roadmap) {
    setFormError(null);
    const patch = patchOf(values, base);
    if (Object.keys(patch).length === 0) return onClose();
    const check = validate(updateRoadmapSchema, patch);
    if (!check.ok) return setErrors(check.errors);
    try {
      await update.mutateAsync({ patch: check.data as UpdateRoadmapInput, version: against.version });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && error.current) {
        setConflict(error.current as Roadmap);
        return;
      }
      if (error instanceof ApiError && error.code === "horizon_out_of_range") {
        setErrors({ horizonMonths: error.message });
        return;
      }
      const split = splitServerError(error, FIELDS);
      setErrors(split.fieldErrors);
      setFormError(split.formError);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!update.isPending) void save(conflict ?? base);
  }

  function discard() {
    if (!conflict) return;
    setBase(conflict);
    setValues(valuesOf(conflict));
    setConflict(null);
  }

  async function deleteRoadmap() {
    setFormError(null);
    try {
      const { roadmap: deleted } = await remove.mutateAsync({ version: (conflict ?? base).version });
      onDeleted(deleted);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && error.current)
        setConflict(error.current as Roadmap);
      else setFormError(errorMessage(error));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Roadmap settings"
      description="Changes apply for everyone on the team."
    >
      <form noValidate onSubmit={submit} className="flex flex-col gap-4 pb-1">
        {conflict && (
          <Alert
            tone="warning"
            title="Someone else changed these settings meanwhile"
            actions={
              <>
                <Button size="sm" variant="primary" type="submit" loading={update.isPending}>
                  Apply my change again
                </Button>
                <Button size="sm" variant="secondary" onClick={discard}>
                  Discard my change
                </Button>
              </>
            }
          >
            Now: “{conflict.title}”, from {conflict.startDate}, {conflict.horizonMonths} months,{" "}
            {STATUS_LABELS[conflict.status].toLowerCase()}. Your values are still in the form.
          </Alert>
        )}
        {formError && <Alert tone="error">{formError}</Alert>}
        <Field label="Title" error={errors.title}>
          {(control) => (
            <Input
              {...control}
              maxLength={200}
              value={values.title}
              onChange={(e) => set("title", e.target.value)}
            />
          )}
        </Field>
        <Field label="Description" optional error={errors.description}>
          {(control) => (
            <Textarea
              {...control}
              rows={3}
              maxLength={5000}
              value={values.description}
              onChange={(e) => set("description", e.target.value)}
            />
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Start date" error={errors.startDate}>
            {(control) => (
              <Input
                {...control}
                type="date"
                value={values.startDate}
                onChange={(e) => set("startDate", e.target.value)}
              />
            )}
          </Field>
          <ChoiceField
            label="Status"
            error={errors.status}
            value={values.status}
            choices={ROADMAP_STATUSES}
            labelOf={(s) => STATUS_LABELS[s]}
            onChange={(s) => set("status", s)}
          />
        </div>
        <HorizonField
          value={values.horizonMonths}
          onChange={(v) => set("horizonMonths", v)}
          error={errors.horizonMonths}
        />
        <div className="flex flex-wrap items-center gap-2 border-t border-line pt-4">
          <Button type="submit" variant="primary" loading={update.isPending}>
            Save
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="danger-ghost"
            className="ml-auto"
            loading={remove.isPending}
            icon={<TrashIcon className="size-4" />}
            onClick={deleteRoadmap}
          >
            Delete roadmap
          </Button>
        </div>
        <p className="text-[13px] leading-5 text-muted">
          A deleted roadmap can be restored for 30 days; you get an Undo right away.
        </p>
      </form>
    </Dialog>
  );
}
