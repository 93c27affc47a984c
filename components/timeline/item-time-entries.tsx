"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { TrashIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { DateText } from "@/lib/client/dates";
import { useToday } from "@/lib/client/dates";
import type { FieldErrors } from "@/lib/client/forms";
import { useCurrentUser } from "@/lib/client/me";
import { useCreateTimeEntry, useDeleteTimeEntry, useTimeEntries } from "@/lib/client/time-entries";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import { ItemActuals, refusalErrors } from "./item-actuals";

interface WorkProps {
  roadmapId: string;
  item: Item;
  canEdit: boolean;
  members: Member[];
  dt: DateText;
}

/** The item panel's actuals (issue #18): actual dates and remaining hours, then the hours logged. */
export function ItemWork(props: WorkProps) {
  return (
    <>
      <ItemActuals key={props.item.id} {...props} />
      {props.item.kind === "feature" && <ItemTimeEntries {...props} />}
    </>
  );
}

const hoursText = (h: number) => `${h.toLocaleString(undefined, { maximumFractionDigits: 2 })} h`;

/**
 * Hours spent on a feature, per person and day (issue #18, optional): the list with its total for
 * everyone; editors add an entry (for themselves or a team member) and delete one. Refusals (a day
 * in the future, over 24 hours, a cut item) show next to the field they concern.
 */
export function ItemTimeEntries({ roadmapId, item, canEdit, members, dt }: WorkProps) {
  const entries = useTimeEntries(roadmapId, item.id);
  const remove = useDeleteTimeEntry(roadmapId, item.id);
  const headingId = `time-${item.id}`;
  const nameOf = (id: string | null) =>
    (id && members.find((m) => m.user.id === id)?.user.name) || "A former member";
  const list = entries.data?.items ?? [];

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="flex items-baseline gap-2 text-sm font-semibold text-ink">
        Time logged
        {entries.data && (
          <span className="text-[13px] font-normal text-muted">
            {hoursText(entries.data.totalHours)} in all
          </span>
        )}
      </h3>
      {entries.isPending ? (
        <p className="text-[13px] text-muted">Loading the hours…</p>
      ) : entries.error ? (
        <FieldError>{refusalErrors(entries.error).form ?? "The hours could not be loaded."}</FieldError>
      ) : list.length === 0 ? (
        <p className="text-[13px] text-muted">No hours logged yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line rounded-md border border-line text-[13px]">
          {list.map((entry) => (
            <li key={entry.id} className="flex items-center gap-2 px-2.5 py-1.5">
              <span className="w-24 shrink-0 text-ink-soft tabular-nums">{dt.date(entry.on)}</span>
              <span className="min-w-0 flex-1 truncate text-ink" title={entry.note ?? undefined}>
                {nameOf(entry.personId)}
                {entry.note && <span className="text-muted"> · {entry.note}</span>}
              </span>
              <span className="shrink-0 font-medium tabular-nums">{hoursText(entry.hours)}</span>
              {canEdit && (
                <button
                  type="button"
                  onClick={() => remove.mutate(entry.id)}
                  disabled={remove.isPending && remove.variables === entry.id}
                  className="flex size-7 shrink-0 items-center justify-center rounded text-muted hover:bg-danger-50 hover:text-danger-700"
                >
                  <TrashIcon className="size-3.5" />
                  <span className="sr-only">
                    Delete {hoursText(entry.hours)} on {dt.date(entry.on)} by {nameOf(entry.personId)}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error && <FieldError>{refusalErrors(remove.error).form}</FieldError>}
      {canEdit && item.status !== "cut" && (
        <AddTimeEntry roadmapId={roadmapId} item={item} members={members} />
      )}
      {canEdit && item.status === "cut" && (
        <p className="text-[13px] text-muted">A cut item takes no more hours.</p>
      )}
    </section>
  );
}

function AddTimeEntry({ roadmapId, item, members }: { roadmapId: string; item: Item; members: Member[] }) {
  const today = useToday();
  const me = useCurrentUser().data;
  const create = useCreateTimeEntry(roadmapId, item.id);
  const [on, setOn] = useState("");
  const [hours, setHours] = useState("");
  const [personId, setPersonId] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const day = on || today || "";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!day) local.on = "Choose the day.";
    if (hours.trim() === "" || !Number.isFinite(Number(hours))) local.hours = "Enter the hours spent.";
    if (Object.keys(local).length) return setErrors(local);
    setErrors({});
    setFormError(null);
    try {
      await create.mutateAsync({
        on: day,
        hours: Number(hours),
        personId: personId || (me?.id ?? null),
        note: note.trim() || null,
      });
      setHours("");
      setNote("");
    } catch (error) {
      const { fields, form } = refusalErrors(error);
      setErrors(fields);
      setFormError(form);
    }
  }

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label="Log hours"
      className="mt-1 flex flex-col gap-3 rounded-md bg-subtle p-3"
    >
      <div className="grid grid-cols-2 gap-3">
        <Field label="Day" error={errors.on || null}>
          {(control) => (
            <Input {...control} type="date" value={day} onChange={(e) => setOn(e.target.value)} />
          )}
        </Field>
        <Field label="Hours" error={errors.hours || null}>
          {(control) => (
            <Input
              {...control}
              type="number"
              inputMode="decimal"
              min={0.25}
              max={24}
              step={0.25}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Person" error={errors.personId || null}>
        {(control) => (
          <Select {...control} value={personId || me?.id || ""} onChange={(e) => setPersonId(e.target.value)}>
            {members.map((m) => (
              <option key={m.user.id} value={m.user.id}>
                {m.user.name}
                {m.user.id === me?.id ? " (you)" : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Note" error={errors.note || null} optional>
        {(control) => (
          <Input {...control} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      {formError && <FieldError>{formError}</FieldError>}
      <Button type="submit" size="sm" variant="secondary" loading={create.isPending} className="self-start">
        Log hours
      </Button>
    </form>
  );
}
