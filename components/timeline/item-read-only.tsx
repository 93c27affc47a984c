"use client";

import type { ReactNode } from "react";
import { pluralize } from "@/lib/client/format";
import type { Board } from "@/lib/client/timeline";
import { can } from "@/lib/validation/permissions";
import type { Role } from "@/lib/validation/common";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import type { DateText } from "@/lib/client/dates";
import { issueText, itemDates, kindLabel } from "./describe";
import { ItemDependencies } from "./item-dependencies";
import { ItemPhaseName } from "./phase-of-item";
import { CRITICAL_COLOUR, STATUS_INFO, StatusGlyph, WarningGlyph } from "./item-status";
import type { ScheduleEntry } from "./timeline-item";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_1fr] gap-2 py-1.5">
      <dt className="text-muted">{label}</dt>
      <dd className="break-words text-ink">{children}</dd>
    </div>
  );
}

/** Early and late dates, slack and any date problem: what the schedule says about the item. */
export function ScheduleSummary({
  item,
  entry,
  dt,
}: {
  item: Item;
  entry: ScheduleEntry | undefined;
  dt: DateText;
}) {
  if (!entry) {
    return item.status === "cut" ? (
      <p className="rounded-md bg-subtle px-3 py-2 text-[13px] text-muted">Cut: left out of the schedule.</p>
    ) : null;
  }
  const issue = issueText(item, entry, dt);
  return (
    <div className="rounded-lg border border-line bg-canvas/60 px-3 py-2 text-[13px]">
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1">
        <div>
          <dt className="text-xs text-muted">Early start – finish</dt>
          <dd className="tabular-nums">{dt.range(entry.earlyStart, entry.earlyFinish)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Late start – finish</dt>
          <dd className="tabular-nums">{dt.range(entry.lateStart, entry.lateFinish)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Total slack</dt>
          <dd>{pluralize(entry.totalSlackDays, "working day")}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Duration</dt>
          <dd>
            {item.kind === "milestone" ? "a point in time" : pluralize(entry.durationDays, "working day")}
          </dd>
        </div>
      </dl>
      {entry.critical && (
        <p className="mt-1.5 font-medium" style={{ color: CRITICAL_COLOUR }}>
          On the critical path: any slip moves the finish.
        </p>
      )}
      {issue && (
        <p className="mt-1.5 flex gap-1.5 text-danger-700">
          <WarningGlyph className="mt-0.5 size-3.5 shrink-0" />
          {issue}
        </p>
      )}
    </div>
  );
}

/** What viewers and commenters see: the same facts as the form, as text. */
export function ItemReadOnly({
  item,
  role,
  entry,
  board,
  members,
  dt,
  onSelectItem,
}: {
  item: Item;
  /** The reader's role: commenters are told where to comment. */
  role: Role;
  entry: ScheduleEntry | undefined;
  board: Board;
  members: Member[];
  dt: DateText;
  onSelectItem: (id: string) => void;
}) {
  const lane = board.workstreams.find((w) => w.id === item.workstreamId);
  const owner = members.find((m) => m.user.id === item.ownerId);
  return (
    <div className="flex flex-col gap-4">
      <p className="rounded-md bg-[#eef3fb] px-3 py-2 text-[13px] text-[#24467a]">
        {can(role, "comment.write")
          ? "You can comment on this item (Comments tab) and give a feasibility verdict. Editors and owners change it."
          : "Read only: your role can view this roadmap. Editors and owners change it."}
      </p>
      <ScheduleSummary item={item} entry={entry} dt={dt} />
      <dl className="divide-y divide-line text-[13px]">
        <Row label="Kind">{kindLabel(item)}</Row>
        <Row label="Lane">{lane?.name ?? "No lane"}</Row>
        <Row label="Phase">
          <ItemPhaseName roadmapId={board.roadmap.id} startDate={item.startDate} />
        </Row>
        <Row label={item.kind === "milestone" ? "Date" : "Planned"}>{itemDates(item, dt)}</Row>
        <Row label="Status">
          <span className="inline-flex items-center gap-1.5">
            <StatusGlyph status={item.status} className="size-3.5" />
            {STATUS_INFO[item.status].label}
          </span>
        </Row>
        {item.kind === "milestone" && <Row label="Outcome">{item.outcome ?? "None given"}</Row>}
        {item.kind === "feature" && (
          <Row label="Estimate">
            {item.estimate
              ? `${item.estimate.optimisticHours} / ${item.estimate.likelyHours} / ${item.estimate.pessimisticHours} hours (optimistic / likely / pessimistic)`
              : "Not estimated"}
          </Row>
        )}
        <Row label="Owner">{owner?.user.name ?? "Nobody"}</Row>
        {item.description && <Row label="Description">{item.description}</Row>}
      </dl>
      <ItemDependencies
        item={item}
        board={board}
        canEdit={false}
        onLink={async () => false}
        onUnlink={async () => false}
        onSelectItem={onSelectItem}
      />
    </div>
  );
}
