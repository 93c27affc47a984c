"use client";

import { DataTable } from "@/components/dashboards/data-table";
import { TextLink } from "@/components/ui/text-link";
import { useNumberText } from "@/components/resources/numbers";
import type { EstimateAccuracy } from "@/lib/client/learning";
import { biasText, ratioText } from "./ratio-text";

type Miss = EstimateAccuracy["worst"][number];

/** The done features furthest from their estimate, either way, each linked to its item on its roadmap. */
export function WorstMisses({ misses }: { misses: Miss[] }) {
  const num = useNumberText();
  if (misses.length === 0) return <p className="text-sm text-muted">No done features to compare yet.</p>;
  return (
    <DataTable
      caption="The features that missed their estimate most, worst first"
      hideCaption
      testId="worst-misses"
      rows={misses}
      rowKey={(m) => m.itemId}
      columns={[
        {
          header: "Feature",
          rowHeader: true,
          className: "min-w-48",
          cell: (m) => (
            <TextLink href={`/roadmaps/${m.roadmapId}?item=${encodeURIComponent(m.itemId)}`}>
              {m.title}
            </TextLink>
          ),
        },
        { header: "Estimated", numeric: true, cell: (m) => `${num.decimal(m.estimatedDays)} d` },
        { header: "Took", numeric: true, cell: (m) => `${m.actualDays} d` },
        { header: "Ratio", numeric: true, cell: (m) => ratioText(m.ratio) },
        { header: "Off by", numeric: true, cell: (m) => biasText(m.ratio) },
      ]}
    />
  );
}
