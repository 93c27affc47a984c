"use client";

import Link from "next/link";
import { usePhases } from "@/lib/client/phases";
import { phaseOfDate } from "@/lib/planning/phases";

/** The phase an item's start date falls in (phases are ordered and never overlap), if any. */
function useItemPhase(roadmapId: string, startDate: string) {
  const phases = usePhases(roadmapId).data;
  return phases ? phaseOfDate(phases, startDate) : null;
}

/** The phase's name, linked to it on the Phases page, with its replanning mark; "None" outside all. */
export function ItemPhaseName({ roadmapId, startDate }: { roadmapId: string; startDate: string }) {
  const phase = useItemPhase(roadmapId, startDate);
  if (!phase) return <>None</>;
  return (
    <>
      <Link
        href={`/roadmaps/${roadmapId}/phases#phase-${phase.id}`}
        className="font-medium text-accent-700 underline decoration-accent-300 underline-offset-[3px] hover:decoration-accent-700"
      >
        {phase.name}
      </Link>
      {phase.subjectToReplanning && <span className="text-warning-800"> (subject to replanning)</span>}
    </>
  );
}

/** "Phase: Core infrastructure" above the item's form; nothing when no phase holds its start. */
export function ItemPhaseLine({ roadmapId, startDate }: { roadmapId: string; startDate: string }) {
  const phase = useItemPhase(roadmapId, startDate);
  if (!phase) return null;
  return (
    <p className="text-[13px] text-ink-soft" data-testid="item-phase">
      Phase: <ItemPhaseName roadmapId={roadmapId} startDate={startDate} />
    </p>
  );
}
