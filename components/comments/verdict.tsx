import { cx } from "@/components/ui/cx";
import { FEASIBILITY_VERDICTS, type FeasibilityVerdict } from "@/lib/validation/collaboration-kinds";

/**
 * Each verdict has a colour and a shape of its own (circle, triangle, octagon), so that it is
 * never told by colour alone. Fills reach 3:1 against white; text on the tints reaches 4.5:1.
 */
export const VERDICT_INFO: Record<FeasibilityVerdict, { label: string; fill: string; chip: string }> = {
  feasible: { label: "Feasible", fill: "#2b7a45", chip: "bg-success-50 text-success-800 ring-success-200" },
  concerns: { label: "Concerns", fill: "#a35a06", chip: "bg-warning-50 text-warning-800 ring-warning-200" },
  not_feasible: {
    label: "Not feasible",
    fill: "#c02828",
    chip: "bg-danger-50 text-danger-700 ring-danger-200",
  },
};

export const VERDICT_ORDER: readonly FeasibilityVerdict[] = FEASIBILITY_VERDICTS;

/** A 16px shape for a verdict, or a speech bubble for comments without one. Decorative. */
export function VerdictGlyph({
  verdict,
  className = "size-4",
}: {
  verdict: FeasibilityVerdict | "comments";
  className?: string;
}) {
  const common = { viewBox: "0 0 16 16", "aria-hidden": true, focusable: false, className } as const;
  switch (verdict) {
    case "feasible":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill={VERDICT_INFO.feasible.fill} />
          <path
            d="m4.6 8.3 2.2 2.2 4.6-4.8"
            fill="none"
            stroke="#fff"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      );
    case "concerns":
      return (
        <svg {...common}>
          <path d="M8 1.2 15.2 14H.8Z" fill={VERDICT_INFO.concerns.fill} strokeLinejoin="round" />
          <path d="M8 5.8v3.6M8 11.6v.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
    case "not_feasible":
      return (
        <svg {...common}>
          <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1Z" fill={VERDICT_INFO.not_feasible.fill} />
          <path d="m5.5 5.5 5 5M10.5 5.5l-5 5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
    case "comments":
      return (
        <svg {...common}>
          <path
            d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3.2 2.8V11h-.3A1.5 1.5 0 0 1 2 9.5Z"
            fill="#fff"
            stroke="#4b5060"
            strokeWidth="1.4"
            strokeLinejoin="round"
          />
        </svg>
      );
  }
}

/** A comment's verdict, as a chip with its shape and its name. */
export function VerdictBadge({ verdict, className }: { verdict: FeasibilityVerdict; className?: string }) {
  const info = VERDICT_INFO[verdict];
  return (
    <span
      className={cx(
        "inline-flex h-5 shrink-0 items-center gap-1 rounded-full pr-2 pl-1 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        info.chip,
        className,
      )}
    >
      <VerdictGlyph verdict={verdict} className="size-3.5" />
      {info.label}
    </span>
  );
}
