"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { DataTable } from "@/components/dashboards/data-table";
import { ShowTheNumbers } from "@/components/dashboards/show-the-numbers";
import { Skeleton } from "@/components/ui/skeleton";
import { useDateText } from "@/lib/client/dates";
import type { Confidence } from "@/lib/client/learning";

const METHOD_NAMES = { pert: "PERT", history: "History" } as const;

type Judged = Confidence["calibration"]["milestones"][number];

/**
 * How often the P80 dates recorded before the team's milestones were reached held, per method (a
 * P80 should hold about 4 times in 5), and each milestone's first recorded P80 against its day.
 */
export function CalibrationSummary({ confidence }: { confidence: UseQueryResult<Confidence> }) {
  const dt = useDateText();
  if (confidence.isPending) return <Skeleton className="h-16 w-full" />;
  if (!confidence.data) return null;
  const { methods, milestones } = confidence.data.calibration;
  return (
    <section aria-labelledby="calibration-title" className="flex flex-col gap-2">
      <h3 id="calibration-title" className="text-sm font-semibold text-ink">
        How our P80 dates have held
      </h3>
      <ul className="grid gap-2 sm:grid-cols-2" data-testid="calibration">
        {methods.map((m) => (
          <li key={m.method} className="rounded-lg border border-line px-4 py-3 text-sm">
            <span className="font-semibold text-ink">{METHOD_NAMES[m.method]}: </span>
            <span className="text-ink-soft">
              {m.sentence ??
                "nothing to judge yet: no milestone has been reached since a forecast was recorded."}
            </span>
            {m.predictions > 0 && (
              <span className="block text-[13px] text-muted">
                {m.predictionsHeld} of {m.predictions} recorded P80s held.
              </span>
            )}
          </li>
        ))}
      </ul>
      {milestones.length > 0 && (
        <ShowTheNumbers>
          <DataTable
            caption="Reached milestones: the first P80 recorded for each by each method, and whether the milestone was reached by it"
            rows={milestones}
            rowKey={(m: Judged) => `${m.milestoneId}-${m.method}`}
            columns={[
              { header: "Milestone", rowHeader: true, cell: (m: Judged) => m.title, className: "min-w-40" },
              { header: "Method", cell: (m: Judged) => METHOD_NAMES[m.method] },
              { header: "First P80", numeric: true, cell: (m: Judged) => dt.date(m.points[0].p80) },
              { header: "Reached", numeric: true, cell: (m: Judged) => dt.date(m.reachedOn) },
              { header: "Held", cell: (m: Judged) => (m.points[0].held ? "Yes" : "No") },
            ]}
          />
        </ShowTheNumbers>
      )}
    </section>
  );
}
