import { Fragment } from "react";
import { cx } from "@/components/ui/cx";
import { pluralize } from "@/lib/client/format";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import { VerdictGlyph } from "./verdict";

/**
 * "2 feasible · 1 concerns · 0 not feasible", each with its shape, and the size of the discussion.
 * Each person's latest verdict counts once (the server's rule).
 */
export function FeedbackSummaryLine({
  summary,
  className,
}: {
  summary: FeedbackSummary;
  className?: string;
}) {
  const parts = [
    { verdict: "feasible", count: summary.feasible, text: "feasible" },
    { verdict: "concerns", count: summary.concerns, text: "concerns" },
    { verdict: "not_feasible", count: summary.notFeasible, text: "not feasible" },
  ] as const;
  return (
    <div className={cx("rounded-lg border border-line bg-canvas/60 px-3 py-2", className)}>
      <p data-testid="verdict-summary" className="text-[13px] leading-6 text-ink">
        <span className="sr-only">Feasibility verdicts: </span>
        {parts.map((part, i) => (
          <Fragment key={part.verdict}>
            {i > 0 && <span className="text-muted"> · </span>}
            <span className="inline-flex items-center gap-1 align-top whitespace-nowrap">
              <VerdictGlyph verdict={part.verdict} className="size-3.5" />
              <span className={cx("tabular-nums", part.count === 0 ? "text-muted" : "font-medium")}>
                {part.count} {part.text}
              </span>
            </span>
          </Fragment>
        ))}
      </p>
      <p className="text-xs text-muted">
        {pluralize(summary.comments, "comment")} · {pluralize(summary.unresolved, "open thread")}
      </p>
    </div>
  );
}
