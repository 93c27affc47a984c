import { cx } from "@/components/ui/cx";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import { verdictSummaryText, strongestVerdict } from "./verdict-summary";
import { VerdictGlyph } from "./verdict";

/**
 * A 16px mark for a timeline bar: the strongest verdict's shape (octagon, triangle, circle) or a
 * speech bubble when there are comments without verdicts; nothing when there are no comments.
 * `showCount` adds the number of comments beside it. The words are in its accessible name.
 */
export function VerdictBadge({
  summary,
  showCount = false,
  className,
}: {
  summary: FeedbackSummary | undefined;
  showCount?: boolean;
  className?: string;
}) {
  if (!summary || summary.comments === 0) return null;
  const verdict = strongestVerdict(summary);
  const label = verdictSummaryText(summary);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-feedback={verdict ?? "comments"}
      className={cx("inline-flex h-4 shrink-0 items-center gap-0.5 leading-none", className)}
    >
      <VerdictGlyph verdict={verdict ?? "comments"} className="size-4 shrink-0" />
      {showCount && (
        <span aria-hidden="true" className="text-[11px] font-semibold text-ink-soft tabular-nums">
          {summary.comments}
        </span>
      )}
    </span>
  );
}
