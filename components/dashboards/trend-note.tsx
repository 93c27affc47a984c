import { trendSentence } from "@/lib/planning/confidence";
import type { Confidence } from "@/lib/validation/learning";
import { cx } from "@/components/ui/cx";

export type P80Trend = NonNullable<Confidence["projectFinish"]["trend"]>;

const ARROWS = { later: "▲", earlier: "▼", unchanged: "▶" } as const;

/** A small arrow and its words: "▲ P80 moved 9 working days later since the last review". */
export function TrendNote({ trend, className }: { trend: P80Trend; className?: string }) {
  return (
    <span
      data-testid="p80-trend"
      className={cx(
        "inline-flex items-baseline gap-1",
        trend.direction === "later"
          ? "text-danger-700"
          : trend.direction === "earlier"
            ? "text-success-800"
            : "text-ink-soft",
        className,
      )}
    >
      <span aria-hidden="true">{ARROWS[trend.direction]}</span>
      {trendSentence(trend)}
    </span>
  );
}
