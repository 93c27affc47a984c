"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { compareHref } from "@/components/reviews/review-text";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { textLinkClasses } from "@/components/ui/text-link";
import { XIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/client/api";
import { useDiff, type DiffResponse } from "@/lib/client/reviews";
import { comparisonOf } from "./ghost-layout";
import type { TimeScale, TimelineLayout } from "@/lib/planning/timeline-layout";

/**
 * ?compare=<snapshotId> on the timeline: the diff from that snapshot to now, placed on the layout.
 * `clear` drops the parameter (the rest of the address stays).
 */
export function useTimelineComparison(roadmapId: string, layout: TimelineLayout, scale: TimeScale) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const snapshotId = searchParams.get("compare");
  const diff = useDiff(roadmapId, snapshotId);
  const answer = snapshotId ? diff.data : undefined;
  const comparison = useMemo(
    () => (answer ? comparisonOf(answer.diff.items, layout, scale, answer.from.label) : null),
    [answer, layout, scale],
  );

  function clear() {
    const rest = new URLSearchParams(searchParams.toString());
    rest.delete("compare");
    const query = rest.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  return { snapshotId, comparison, answer, error: snapshotId ? diff.error : null, clear };
}

function counts(answer: DiffResponse): string {
  const { moved, added, removed } = answer.diff.summary;
  if (moved + added + removed === 0) return "nothing moved, added or removed";
  return `${moved} moved · ${added} added · ${removed} removed`;
}

/** Above the canvas while comparing: with what, how much changed, a key to the ghosts, and Clear. */
export function ComparisonBanner({
  roadmapId,
  state,
}: {
  roadmapId: string;
  state: ReturnType<typeof useTimelineComparison>;
}) {
  const { snapshotId, answer, error, clear } = state;
  if (!snapshotId) return null;
  const clearButton = (
    <Button size="sm" variant="ghost" icon={<XIcon className="size-3.5" />} onClick={clear}>
      Clear comparison
    </Button>
  );
  const box = "flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border px-3.5 py-2 text-sm";

  if (error)
    return (
      <div role="alert" className={`${box} border-danger-200 bg-danger-50 text-danger-700`}>
        <span className="min-w-0 flex-1">The comparison could not be shown: {errorMessage(error)}</span>
        {clearButton}
      </div>
    );
  if (!answer)
    return (
      <div role="status" className={`${box} border-line bg-surface text-muted`}>
        <Spinner className="size-4" /> Loading the comparison…
      </div>
    );
  return (
    <section aria-label="Comparison" className={`${box} border-accent-200 bg-accent-50 text-ink`}>
      <p className="min-w-0 flex-1 basis-72">
        <span className="font-semibold">
          Comparing with “{answer.from.label}” (<LocalDate value={answer.from.at} />)
        </span>
        <span className="text-ink-soft"> · {counts(answer)}</span>
        <span className="ml-2 inline-flex items-center gap-1.5 align-middle text-[13px] text-ink-soft">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-6 rounded-sm border-2 border-dashed border-[#6b6b63]/70"
          />
          where items were then
        </span>
      </p>
      <Link href={compareHref(roadmapId, snapshotId)} className={`${textLinkClasses} text-[13px]`}>
        Change report
      </Link>
      {clearButton}
    </section>
  );
}
