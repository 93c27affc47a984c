"use client";

import { CHART, TICK_STYLE } from "@/components/charts/chart-colours";
import { CHART_PROPS, QUARTER_X_AXIS, STACKED_SEGMENT } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import { quarterLabel } from "@/components/resources/numbers";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { ChartLegend } from "./chart-legend";
import { DataTable } from "./data-table";
import { PanelEmpty } from "./dashboard-panel";
import { STATUS_SERIES, totalOf } from "./status-colours";
import { ShowTheNumbers } from "./show-the-numbers";

type QuarterRow = ExecutiveDashboard["milestonesByQuarter"][number];

function sentence(rows: QuarterRow[]): string {
  const parts = rows.map((row) => {
    const counts = STATUS_SERIES.filter((s) => row[s.key] > 0).map(
      (s) => `${row[s.key]} ${s.label.toLowerCase()}`,
    );
    return `${quarterLabel(row.quarter)}: ${counts.length ? counts.join(", ") : "none"}`;
  });
  return `Milestones per quarter by status. ${parts.join("; ")}.`;
}

/** Milestones due each quarter, stacked by status, with the same numbers in a table. */
export function MilestonesByQuarterChart({ rows }: { rows: QuarterRow[] }) {
  if (rows.every((row) => totalOf(row) === 0))
    return <PanelEmpty>No milestones on the roadmap yet.</PanelEmpty>;
  const data = rows.map((row) => ({ ...row, label: quarterLabel(row.quarter) }));
  return (
    <div className="flex flex-col gap-3">
      <ChartLegend entries={STATUS_SERIES.map((s) => ({ label: s.label, colour: s.colour }))} />
      <ChartFrame summary={sentence(rows)} height={220}>
        {({ Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis }) => (
          <BarChart
            {...CHART_PROPS}
            data={data}
            margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
            barCategoryGap="28%"
          >
            <CartesianGrid vertical={false} stroke={CHART.grid} />
            <XAxis {...QUARTER_X_AXIS} />
            <YAxis width={28} tick={TICK_STYLE} tickLine={false} axisLine={false} allowDecimals={false} />
            <Tooltip cursor={{ fill: CHART.cursor }} />
            {STATUS_SERIES.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="status"
                fill={s.colour}
                {...STACKED_SEGMENT}
              />
            ))}
          </BarChart>
        )}
      </ChartFrame>
      <ShowTheNumbers>
        <DataTable
          caption="Milestones per quarter by status"
          hideCaption
          rows={rows}
          rowKey={(r) => r.quarter}
          columns={[
            { header: "Quarter", rowHeader: true, cell: (r) => quarterLabel(r.quarter) },
            ...STATUS_SERIES.map((s) => ({
              header: s.label,
              numeric: true,
              cell: (r: QuarterRow) => r[s.key],
            })),
          ]}
        />
      </ShowTheNumbers>
    </div>
  );
}
