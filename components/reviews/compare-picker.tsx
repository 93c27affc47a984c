"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { formatDate } from "@/lib/client/format";
import { useDateFormat } from "@/lib/client/locale";
import type { Snapshot } from "@/lib/client/reviews";
import { compareHref } from "./review-text";

/** From a snapshot, to another snapshot or now: opens the change report for the pair. */
export function ComparePicker({
  roadmapId,
  snapshots,
  from: initialFrom,
  to: initialTo = "now",
}: {
  roadmapId: string;
  snapshots: Snapshot[];
  from?: string;
  to?: string;
}) {
  const router = useRouter();
  const dateFormat = useDateFormat();
  const [from, setFrom] = useState(initialFrom ?? snapshots[0]?.id ?? "");
  const [to, setTo] = useState(initialTo);
  const same = from === to;
  const option = (s: Snapshot) => (
    <option key={s.id} value={s.id}>
      {s.label} ({formatDate(s.createdAt, "medium", dateFormat)})
    </option>
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (from && !same) router.push(compareHref(roadmapId, from, to));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Compare snapshots">
      <Field label="From" className="min-w-0 flex-1 basis-44">
        {(control) => (
          <Select {...control} value={from} onChange={(e) => setFrom(e.target.value)}>
            {snapshots.map(option)}
          </Select>
        )}
      </Field>
      <Field
        label="To"
        className="min-w-0 flex-1 basis-44"
        error={same ? "Pick two different versions." : null}
      >
        {(control) => (
          <Select {...control} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="now">Now (the roadmap as it is)</option>
            {snapshots.map(option)}
          </Select>
        )}
      </Field>
      <Button type="submit" variant="primary" disabled={!from || same}>
        Compare
      </Button>
    </form>
  );
}
