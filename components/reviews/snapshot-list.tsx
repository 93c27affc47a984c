"use client";

import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LocalDate } from "@/components/ui/local-date";
import { useTakeSnapshot, type Snapshot } from "@/lib/client/reviews";
import { ComparePicker } from "./compare-picker";
import { SNAPSHOT_KIND_LABEL, plural } from "./review-text";

function TakeSnapshotForm({ roadmapId, onTaken }: { roadmapId: string; onTaken: (s: Snapshot) => void }) {
  const take = useTakeSnapshot(roadmapId);
  const [label, setLabel] = useState("");
  const [missing, setMissing] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = label.trim();
    setMissing(!trimmed);
    if (!trimmed) return;
    take.mutate(
      { label: trimmed },
      {
        onSuccess: (snapshot) => {
          setLabel("");
          onTaken(snapshot);
        },
      },
    );
  }

  const error = missing ? "Name the snapshot, e.g. “Before the Q3 replan”." : (take.error?.message ?? null);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <Field label="New snapshot" hideLabel className="min-w-0 flex-1 basis-48" error={error}>
        {(control) => (
          <Input
            {...control}
            value={label}
            maxLength={200}
            placeholder="Label, e.g. Before the Q3 replan"
            onChange={(e) => setLabel(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" loading={take.isPending}>
        Take snapshot
      </Button>
    </form>
  );
}

/** Snapshots (newest first), taking one by hand, and picking two to compare. */
export function SnapshotList({
  roadmapId,
  snapshots,
  canEdit,
}: {
  roadmapId: string;
  snapshots: Snapshot[];
  canEdit: boolean;
}) {
  const [taken, setTaken] = useState<string | null>(null);
  return (
    <Card aria-labelledby="snapshots-title">
      <CardHeader
        titleId="snapshots-title"
        title="Snapshots"
        description="Frozen copies of the roadmap: every review takes one; take your own before a big change."
      />
      <CardBody className="flex flex-col gap-5">
        {canEdit && <TakeSnapshotForm roadmapId={roadmapId} onTaken={(s) => setTaken(s.label)} />}
        <p role="status" className="sr-only">
          {taken ? `Snapshot “${taken}” taken.` : ""}
        </p>
        {snapshots.length === 0 ? (
          <p className="text-sm text-muted">No snapshots yet.</p>
        ) : (
          <>
            <ul
              // Scrolls when long: focusable, so the keyboard can scroll it too.
              tabIndex={0}
              className="flex max-h-96 flex-col divide-y divide-line overflow-y-auto rounded-md"
              aria-label="Snapshots"
            >
              {snapshots.map((s) => (
                <li
                  key={s.id}
                  className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2.5"
                >
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-ink">{s.label}</p>
                    <p className="text-[13px] text-muted">
                      <LocalDate value={s.createdAt} style="dateTime" />
                      {s.createdBy && ` · ${s.createdBy.name}`} · {plural(s.itemCount, "item")}
                    </p>
                  </div>
                  <Badge>{SNAPSHOT_KIND_LABEL[s.kind]}</Badge>
                </li>
              ))}
            </ul>
            <div className="border-t border-line pt-4">
              <h3 className="mb-2 text-sm font-semibold text-ink">Compare</h3>
              <ComparePicker roadmapId={roadmapId} snapshots={snapshots} />
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}
