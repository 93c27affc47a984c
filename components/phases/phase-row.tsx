"use client";

import { useState } from "react";
import { compareHref } from "@/components/reviews/review-text";
import { useDateText } from "@/lib/client/dates";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { LocalDate } from "@/components/ui/local-date";
import { TextLink } from "@/components/ui/text-link";
import { useNumberText } from "@/components/resources/numbers";
import { useDeletePhase, type Phase } from "@/lib/client/phases";
import type { Capacity } from "@/lib/client/resources";
import { DecisionDialog, PhaseFormDialog } from "./lazy-dialogs";
import { DECISION_LABEL, GateStatus, ReplanningMark } from "./gate-status";

function PhaseHours({ hours }: { hours: Capacity["byPhase"][number] }) {
  const num = useNumberText();
  const short = hours.skills.filter((s) => s.overAllocated);
  return (
    <p className="text-[13px] text-ink-soft">
      <span className="tabular-nums">
        {num.hours(hours.demandHours)} needed, {num.hours(hours.capacityHours)} planned
      </span>
      {short.length > 0 && (
        <span className="font-semibold text-danger-700">
          {" "}
          · ▲ short of {short.map((s) => `${s.name} (${num.hours(s.gapHours)})`).join(", ")}
        </span>
      )}
    </p>
  );
}

/** One phase: its span, gate and decision, its hours, and (for editors) edit, delete and decide. */
export function PhaseRow({
  roadmapId,
  phase,
  hours,
  canEdit,
  nextGate,
}: {
  roadmapId: string;
  phase: Phase;
  hours: Capacity["byPhase"][number] | undefined;
  canEdit: boolean;
  /** This phase's gate is the earliest undecided one: its decision is the one due. */
  nextGate: boolean;
}) {
  const dt = useDateText();
  const remove = useDeletePhase(roadmapId);
  const [editing, setEditing] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const gate = phase.gate;
  const decided = gate?.decision?.decision ?? null;
  const headingId = `phase-${phase.id}-name`;

  return (
    <li
      id={`phase-${phase.id}`}
      aria-labelledby={headingId}
      className="flex scroll-mt-4 flex-col gap-3 border-b border-line px-5 py-4 last:border-b-0 sm:px-6"
      data-testid="phase-row"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-[15px] font-semibold text-ink">
            <span className="text-muted tabular-nums">{phase.position + 1}.</span>
            {phase.name}
            {phase.subjectToReplanning && <ReplanningMark />}
          </h3>
          <p className="mt-0.5 text-sm text-muted">{dt.range(phase.startDate, phase.endDate)}</p>
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            {gate && !decided && (
              <Button
                size="sm"
                variant={nextGate ? "primary" : "secondary"}
                onClick={() => setDeciding(true)}
              >
                Record decision<span className="sr-only"> for “{phase.name}”</span>
              </Button>
            )}
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
              Edit<span className="sr-only"> “{phase.name}”</span>
            </Button>
            <ConfirmButton
              size="sm"
              variant="ghost"
              title={`Delete the phase “${phase.name}”?`}
              description="Its span, gate and any decision are removed from the roadmap; items and snapshots stay. The activity log keeps a record."
              confirmLabel="Delete phase"
              onConfirm={() => remove.mutateAsync({ phaseId: phase.id, version: phase.version })}
            >
              Delete<span className="sr-only"> “{phase.name}”</span>
            </ConfirmButton>
          </div>
        )}
      </div>
      {gate ? (
        <div className="flex flex-col gap-1.5 rounded-lg border border-line bg-canvas/60 px-3.5 py-3">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-ink">Gate: {gate.title}</span>
            <GateStatus decision={decided} />
          </p>
          <p className="text-[13px] leading-5 text-muted">To pass: {gate.outcome}</p>
          {gate.decision && (
            <div className="mt-1 border-t border-line pt-2 text-[13px] leading-5 text-ink-soft">
              <p>
                <span className="font-medium text-ink">{DECISION_LABEL[gate.decision.decision]}</span>,
                decided by {gate.decision.decidedBy?.name ?? "a former member"} on{" "}
                <LocalDate value={gate.decision.decidedAt} style="dateTime" />.
              </p>
              {gate.decision.notes && <p className="mt-1 whitespace-pre-line">{gate.decision.notes}</p>}
              {gate.decision.snapshotId && (
                <p className="mt-1">
                  <TextLink href={compareHref(roadmapId, gate.decision.snapshotId)}>
                    What changed since the decision
                  </TextLink>
                </p>
              )}
            </div>
          )}
        </div>
      ) : (
        <p className="text-[13px] text-muted">No gate at the end of this phase.</p>
      )}
      {hours && <PhaseHours hours={hours} />}
      {editing && (
        <PhaseFormDialog
          roadmapId={roadmapId}
          phase={phase}
          defaults={phase}
          open
          onClose={() => setEditing(false)}
        />
      )}
      {deciding && (
        <DecisionDialog roadmapId={roadmapId} phase={phase} open onClose={() => setDeciding(false)} />
      )}
    </li>
  );
}
