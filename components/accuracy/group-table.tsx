"use client";

import { DataTable } from "@/components/dashboards/data-table";
import type { EstimateAccuracy } from "@/lib/client/learning";
import { biasText, ratioText } from "./ratio-text";

type Group = EstimateAccuracy["groups"][number];

/** The widest ratio the strips draw (3x); beyond it they are cut at the edge. */
const STRIP_MAX = 3;
const at = (ratio: number) => `${(Math.min(ratio, STRIP_MAX) / STRIP_MAX) * 100}%`;

/** P10 to P90 as a bar on a 0-3x scale, the median as a tick and the estimate (1x) as a line. */
function SpreadStrip({ group }: { group: Group }) {
  const { p10Ratio: p10, p90Ratio: p90, medianRatio: median } = group;
  if (p10 === null || p90 === null || median === null) return null;
  return (
    <span aria-hidden="true" className="relative block h-3 w-32 rounded-sm bg-subtle">
      <span className="absolute inset-y-0 w-px bg-ink-soft" style={{ left: at(1) }} />
      <span
        className="absolute inset-y-0.5 rounded-sm bg-accent-600/35"
        style={{ left: at(p10), width: `calc(${at(p90)} - ${at(p10)})` }}
      />
      <span className="absolute inset-y-0 w-0.5 bg-accent-800" style={{ left: at(median) }} />
    </span>
  );
}

/** One row per group: samples, median bias, P10-P90 spread, hours where logged; select one for its histogram. */
export function GroupTable({
  groups,
  selectedKey,
  onSelect,
}: {
  groups: Group[];
  selectedKey: string | null | undefined;
  onSelect: (key: string | null) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-[13px] text-ink-soft">
        Per group: the median is the bias, the 10th to 90th percentile the spread. The strip draws 0 to 3
        times the estimate; its thin line is the estimate, the dark tick the median. Choose a group to see its
        histogram.
      </p>
      <DataTable
        caption="Actual over estimated duration per group: done features, median (the bias), 10th to 90th percentile (the spread), and logged hours over estimated hours"
        hideCaption
        testId="accuracy-groups"
        rows={groups}
        rowKey={(g) => g.key ?? "none"}
        columns={[
          {
            header: "Group",
            rowHeader: true,
            className: "min-w-36",
            cell: (g) => (
              <button
                type="button"
                aria-pressed={g.key === selectedKey}
                onClick={() => onSelect(g.key)}
                className="text-left font-medium text-accent-700 underline-offset-2 hover:underline aria-pressed:text-ink aria-pressed:underline"
              >
                {g.label}
              </button>
            ),
          },
          { header: "Done", numeric: true, cell: (g) => g.samples },
          { header: "Median", numeric: true, cell: (g) => ratioText(g.medianRatio) },
          { header: "Bias", numeric: true, cell: (g) => biasText(g.medianRatio) },
          {
            header: "P10–P90",
            numeric: true,
            cell: (g) => `${ratioText(g.p10Ratio)} – ${ratioText(g.p90Ratio)}`,
          },
          { header: "Spread", cell: (g) => <SpreadStrip group={g} /> },
          {
            header: "Hours (features logged)",
            numeric: true,
            cell: (g) => (g.hoursSamples ? `${ratioText(g.hoursMedianRatio)} (${g.hoursSamples})` : "—"),
          },
        ]}
      />
    </div>
  );
}
