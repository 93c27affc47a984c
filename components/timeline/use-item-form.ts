"use client";

import { useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/client/forms";
import type { Board } from "@/lib/client/timeline";
import { useCreateItem, useUpdateItem } from "@/lib/client/timeline-items";
import type { Item } from "@/lib/validation/timeline";
import { failureMessage } from "./describe";
import type { SetValue } from "./item-fields";
import { checkValues } from "./item-checks";
import { changedFields, differingFields, valuesOf, type ItemFormValues } from "./item-form-values";

export type PanelTarget =
  { mode: "edit"; itemId: string } | { mode: "create"; values: ItemFormValues; key: number };

/** Messages for the fields from a refusal (400 details, 422 with a field) and one for the form. */
function serverErrors(error: unknown, board: Board): { fields: FieldErrors; form: string | null } {
  if (error instanceof ApiError) {
    if (error.status === 400 || error.code === "invalid_reference") {
      const details = Array.isArray(error.details)
        ? (error.details as Array<{ path: string; message: string }>)
        : [];
      const fields = fieldErrorsFromIssues(details.filter((d) => d && typeof d.message === "string"));
      return { fields, form: Object.keys(fields).length ? null : error.message };
    }
    if (error.code === "outside_horizon")
      return { fields: { startDate: error.message }, form: error.message };
  }
  return { fields: {}, form: failureMessage(error, board) };
}

/**
 * The item form's state: the values typed, checked with the API's own schema before sending; a
 * refusal keeps every value and marks the fields; a 412 (or a live change to a field being edited)
 * becomes a conflict to apply again or discard; live changes to other fields are taken in.
 */
export function useItemForm({
  roadmapId,
  target,
  board,
  live,
  onCreated,
}: {
  roadmapId: string;
  target: PanelTarget;
  board: Board;
  /** The item as the board has it now (undefined when creating, or when it was deleted). */
  live: Item | undefined;
  onCreated: (item: Item, from: PanelTarget) => void;
}) {
  const [base, setBase] = useState<Item | undefined>(live);
  const [values, setValues] = useState<ItemFormValues>(() =>
    target.mode === "edit" ? (live ? valuesOf(live) : ({} as ItemFormValues)) : target.values,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Item | null>(null);
  const [saved, setSaved] = useState(false);
  const updateItem = useUpdateItem(roadmapId);
  const createItem = useCreateItem(roadmapId);
  const saving = updateItem.isPending || createItem.isPending;
  const formRef = useRef<HTMLFormElement>(null);

  // Someone (or a drag) changed the item while the panel is open: take their values for the fields
  // the user has not touched; if both changed the same field, show the conflict now.
  if (live && base && live.version !== base.version && !conflict && !saving) {
    const baseValues = valuesOf(base);
    const liveValues = valuesOf(live);
    const dirty = differingFields(values, baseValues);
    const changed = differingFields(liveValues, baseValues);
    if (dirty.some((f) => changed.includes(f))) setConflict(live);
    else {
      const next = { ...liveValues };
      for (const f of dirty) (next as unknown as Record<string, unknown>)[f] = values[f];
      setBase(live);
      setValues(next);
    }
  }

  const set: SetValue = (key, value) => {
    setValues((old) => {
      const next = { ...old, [key]: value };
      if (key === "kind" && value === "milestone") next.endDate = next.startDate;
      if (key === "startDate" && old.kind === "feature" && old.endDate && old.endDate < String(value))
        next.endDate = String(value);
      return next;
    });
    setSaved(false);
    if (errors[key] || errors[`estimate.${key}`])
      setErrors((old) => ({ ...old, [key]: undefined, [`estimate.${key}`]: undefined }));
  };

  /** Focuses the first field with a problem and scrolls its message (below the field) into view. */
  function focusFirstInvalid() {
    requestAnimationFrame(() => {
      const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!field) return;
      field.focus();
      const messageId = field.getAttribute("aria-describedby")?.split(" ")[0];
      if (messageId) document.getElementById(messageId)?.scrollIntoView({ block: "nearest" });
    });
  }

  function fail(error: unknown) {
    if (error instanceof ApiError && error.status === 412 && error.current) {
      setConflict(error.current as Item);
      return;
    }
    const { fields, form } = serverErrors(error, board);
    setErrors(fields);
    setFormError(form);
    focusFirstInvalid();
  }

  async function save(options: { against?: Item } = {}) {
    setFormError(null);
    setSaved(false);
    const check = checkValues(values);
    if (!check.ok) {
      setErrors(check.errors);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    if (target.mode === "create") {
      try {
        const { item } = await createItem.mutateAsync(check.input);
        onCreated(item, target);
      } catch (error) {
        fail(error);
      }
      return;
    }
    if (!base) return;
    const patch = changedFields(values, valuesOf(base));
    if (Object.keys(patch).length === 0) {
      setConflict(null);
      setSaved(true);
      return;
    }
    try {
      const against = options.against ?? base;
      const { item } = await updateItem.mutateAsync({ itemId: base.id, patch, baseVersion: against.version });
      setConflict(null);
      setBase(item);
      setValues(valuesOf(item));
      setSaved(true);
    } catch (error) {
      fail(error);
    }
  }

  /** Drops the user's change in favour of the version that conflicted with it. */
  function discard() {
    if (!conflict) return;
    setBase(conflict);
    setValues(valuesOf(conflict));
    setConflict(null);
    setErrors({});
    setFormError(null);
  }

  return { values, set, errors, formError, conflict, base, saved, saving, save, discard, formRef };
}
