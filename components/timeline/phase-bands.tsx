"use client";

import Link from "next/link";
import { memo } from "react";
import { GateGlyph, gateStateLabel } from "@/components/phases/gate-status";
import { cx } from "@/components/ui/cx";
import type { Phase } from "@/lib/validation/phases";
import type { DateText } from "@/lib/client/dates";
import { phaseBox } from "@/lib/planning/timeline-axis";
import { PHASE_ROW_HEIGHT, type TimeScale } from "@/lib/planning/timeline-layout";

/** Diagonal stripes: a phase subject to replanning is drawn unsettled (and says so in words). */
const HATCH = "repeating-linear-gradient(135deg, rgb(241 217 154 / 0.55) 0 5px, transparent 5px 10px)";

/** "Phase Build, 1 Apr – 30 Sep 2027, gate “Beta go”: Undecided, subject to replanning". */
export function describePhase(phase: Phase, dt: DateText): string {
  const parts = [`Phase ${phase.name}, ${dt.range(phase.startDate, phase.endDate)}`];
  if (phase.gate)
    parts.push(`gate “${phase.gate.title}”: ${gateStateLabel(phase.gate.decision?.decision ?? null)}`);
  if (phase.subjectToReplanning) parts.push("subject to replanning");
  return parts.join(", ");
}

/**
 * Each phase as a labelled span across its dates, its gate as a marker at the end showing the
 * decision (glyph and word); each band links to the phase on the Phases page.
 */
export const PhaseBands = memo(function PhaseBands({
  roadmapId,
  phases,
  scale,
  dt,
}: {
  roadmapId: string;
  phases: Phase[];
  scale: TimeScale;
  dt: DateText;
}) {
  return (
    <ul
      aria-label="Phases"
      className="relative border-t border-line"
      style={{ width: scale.width, height: PHASE_ROW_HEIGHT }}
    >
      {phases.map((phase) => {
        const { x, width } = phaseBox(scale, phase);
        const decision = phase.gate?.decision?.decision ?? null;
        const roomy = width >= 150;
        return (
          <li key={phase.id} className="absolute top-1 bottom-1" style={{ left: x + 1, width: width - 2 }}>
            <Link
              href={`/roadmaps/${roadmapId}/phases#phase-${phase.id}`}
              aria-label={describePhase(phase, dt)}
              title={describePhase(phase, dt)}
              data-testid="phase-band"
              className={cx(
                "flex h-full items-center gap-1.5 overflow-hidden rounded-md border px-1.5 text-xs text-ink hover:border-accent-600",
                phase.subjectToReplanning ? "border-dashed border-warning-800/50" : "border-accent-300",
                phase.position % 2 === 0 ? "bg-accent-50" : "bg-[#eef3fb]",
              )}
              style={phase.subjectToReplanning ? { backgroundImage: HATCH } : undefined}
            >
              <span className="min-w-0 flex-1 truncate font-semibold">
                {phase.name}
                {phase.subjectToReplanning && roomy && (
                  <span className="ml-1.5 font-normal text-warning-800 italic">subject to replanning</span>
                )}
              </span>
              {phase.gate && (
                <span
                  className={cx(
                    "flex shrink-0 items-center gap-1 rounded-sm border-l border-line-strong pl-1.5 font-medium",
                    decision === "stop" && "text-danger-700",
                    decision === "replan" && "text-warning-800",
                    decision === "proceed" && "text-success-800",
                    !decision && "text-ink-soft",
                  )}
                >
                  <GateGlyph decision={decision} />
                  {width >= 90 && gateStateLabel(decision)}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
});
