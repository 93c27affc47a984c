import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { textLinkClasses } from "@/components/ui/text-link";

/** A shield with an exclamation mark: a high risk without a contingency plan. */
export function RiskGlyph({
  className = "size-3.5",
  ...data
}: {
  className?: string;
  "data-risk-flag"?: string;
}) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={className} {...data}>
      <path d="M8 1 14 3.2v4.3c0 3.5-2.5 6.1-6 7.5-3.5-1.4-6-4-6-7.5V3.2Z" fill="#a31f1f" />
      <path d="M8 4.6v4.2M8 11v.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** The register's mark for a risk that needs a contingency plan: icon and words. */
export function NeedsContingencyFlag({ className }: { className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-1 text-xs font-semibold text-danger-700", className)}>
      <RiskGlyph className="size-3.5 shrink-0" />
      High risk, no contingency plan
    </span>
  );
}

/** The timeline legend's line for the mark, with the way to the register. */
export function RiskFlagLegend({ roadmapId, count }: { roadmapId: string; count: number }) {
  return (
    <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-xs text-ink-soft">
      <RiskGlyph className="size-3.5" />
      <span>
        {count === 1 ? "1 item is" : `${count} items are`} linked to a high risk without a contingency plan.
      </span>
      <Link href={`/roadmaps/${roadmapId}/risks`} className={textLinkClasses}>
        Review the risks
      </Link>
    </p>
  );
}
