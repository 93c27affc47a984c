"use client";

import { ChangedBy } from "@/components/activity/changed-by";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Board } from "@/lib/client/timeline";
import { useSkills } from "@/lib/client/skills";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import type { DateText } from "@/lib/client/dates";
import { FIELD_LABELS, differingFields, valuesOf, type ItemFormValues } from "./item-form-values";
import { STATUS_INFO } from "./item-status";

/** Someone saved the item while it was being edited: who, what they changed, and the two ways on. */
export function ConflictAlert({
  roadmapId,
  conflict,
  base,
  mine,
  board,
  members,
  dt,
  saving,
  onApplyAgain,
  onDiscard,
}: {
  roadmapId: string;
  conflict: Item;
  base: Item | undefined;
  mine: ItemFormValues;
  board: Board;
  members: Member[];
  dt: DateText;
  saving: boolean;
  onApplyAgain: () => void;
  onDiscard: () => void;
}) {
  return (
    <Alert
      tone="warning"
      title="Someone else changed this item while you were editing"
      actions={
        <>
          <Button size="sm" variant="primary" loading={saving} onClick={onApplyAgain}>
            Apply my change again
          </Button>
          <Button size="sm" variant="secondary" onClick={onDiscard}>
            Discard my change
          </Button>
        </>
      }
    >
      <ChangedBy
        roadmapId={roadmapId}
        itemId={conflict.id}
        sinceVersion={base?.version ?? conflict.version - 1}
      />
      <ConflictSummary mine={mine} base={base} current={conflict} board={board} members={members} dt={dt} />
    </Alert>
  );
}

function ConflictSummary({
  mine,
  base,
  current,
  board,
  members,
  dt,
}: {
  mine: ItemFormValues;
  base: Item | undefined;
  current: Item;
  board: Board;
  members: Member[];
  dt: DateText;
}) {
  const theirs = valuesOf(current);
  const fields = base ? differingFields(theirs, valuesOf(base)) : differingFields(theirs, mine);
  const skillNames = useSkills(board.roadmap.teamId).data ?? [];
  const show = (field: keyof ItemFormValues, v: ItemFormValues): string => {
    const value = v[field];
    if (field === "skills")
      return (
        v.skills
          .map((s) => `${skillNames.find((k) => k.id === s.skillId)?.name ?? "a skill"} ${s.hours} h`)
          .join(", ") || "none"
      );
    if (field === "workstreamId") return board.workstreams.find((w) => w.id === value)?.name ?? "no lane";
    if (field === "ownerId") return members.find((m) => m.user.id === value)?.user.name ?? "nobody";
    if (field === "status") return STATUS_INFO[v.status].label;
    if (field === "kind") return v.kind === "milestone" ? "Milestone" : "Feature";
    if ((field === "startDate" || field === "endDate") && typeof value === "string" && value)
      return dt.date(value);
    if (typeof value === "boolean") return value ? "yes" : "no";
    return String(value) || "empty";
  };
  const baseValues = base ? valuesOf(base) : theirs;
  const yours = differingFields(mine, baseValues);
  return (
    <div className="flex flex-col gap-1">
      <p>They changed:</p>
      {fields.length > 0 ? (
        <ul className="list-disc pl-5">
          {fields.map((f) => (
            <li key={f}>
              {FIELD_LABELS[f] ?? f}: <strong>{show(f, theirs)}</strong>
              {yours.includes(f) && <span> (yours: {show(f, mine)})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>None of the fields here, or they saved the same values.</p>
      )}
      {yours.length > 0 && (
        <p>
          Your change, still in the form: {yours.map((f) => FIELD_LABELS[f] ?? f).join(", ")}. Apply it on top
          of their version, or discard it.
        </p>
      )}
    </div>
  );
}
