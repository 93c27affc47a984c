import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { DECISION_LABEL, gateStateLabel, type GateDecision } from "@/lib/validation/phase-kinds";

export { DECISION_LABEL, gateStateLabel };

/** What each decision means, for the decision form. */
export const DECISION_HINT: Record<GateDecision, string> = {
  proceed: "Go: the gate's outcome is met and the next phase starts as planned.",
  replan: "The plan changes before going on; later phases stay subject to replanning.",
  stop: "No go: the work stops here.",
};

const TONE: Record<GateDecision | "undecided", BadgeTone> = {
  undecided: "neutral",
  proceed: "success",
  replan: "warning",
  stop: "danger",
};

/** A glyph per state, so that the state never rests on colour alone. */
export function GateGlyph({ decision, className }: { decision: GateDecision | null; className?: string }) {
  const common = {
    viewBox: "0 0 16 16",
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 1.8,
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
    "aria-hidden": true,
    className: cx("size-3.5 shrink-0", className),
  };
  switch (decision) {
    case "proceed":
      return (
        <svg {...common}>
          <path d="M3.5 8.5l3 3 6-7" />
        </svg>
      );
    case "replan":
      return (
        <svg {...common}>
          <path d="M12.5 5.5A5 5 0 1 0 13 9" />
          <path d="M13 2.5v3h-3" />
        </svg>
      );
    case "stop":
      return (
        <svg {...common}>
          <rect x="4" y="4" width="8" height="8" rx="1" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <path d="M8 2.5l5.5 5.5L8 13.5 2.5 8z" />
        </svg>
      );
  }
}

/** The gate's decision as a badge: icon and word. */
export function GateStatus({ decision, className }: { decision: GateDecision | null; className?: string }) {
  return (
    <Badge tone={TONE[decision ?? "undecided"]} className={cx("gap-1", className)}>
      <GateGlyph decision={decision} className="size-3" />
      {gateStateLabel(decision)}
    </Badge>
  );
}

/** "Subject to replanning", marked with text (the timeline also hatches the band). */
export function ReplanningMark({ className }: { className?: string }) {
  return (
    <Badge tone="warning" className={className}>
      Subject to replanning
    </Badge>
  );
}
