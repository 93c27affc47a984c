"use client";

import { CHART, TICK_STYLE } from "@/components/charts/chart-colours";
import { CHART_PROPS, STACKED_SEGMENT } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import { useNumberText } from "@/components/resources/numbers";
import type { ProductDashboard } from "@/lib/validation/communication";
import { ChartLegend } from "./chart-legend";
import { DataTable } from "./data-table";
import { PanelEmpty } from "./dashboard-panel";
import { STATUS_SERIES, totalOf, type StatusKey } from "./status-colours";
import { ShowTheNumbers } from "./show-the-numbers";

type Workstream = ProductDashboard["workstreams"][number];
type Row = Workstream & { key: string; lastKey: StatusKey; progressText: string };

const ROW_HEIGHT = 40;

/** Items per lane stacked by status, each lane's share done at the end of its bar; a table has the numbers. */
export function WorkstreamProgressChart({ workstreams }: { workstreams: Workstream[] }) {
  const num = useNumberText();
  const lanes = workstreams.filter((w) => totalOf(w) > 0);
  if (lanes.length === 0) return <PanelEmpty>No items on the roadmap yet.</PanelEmpty>;
  const data: Row[] = lanes.map((w) => ({
    ...w,
    key: w.id ?? "none",
    lastKey: STATUS_SERIES.filter((s) => w[s.key] > 0).at(-1)!.key,
    progressText: `${num.percent(w.progress)} done`,
  }));
  const summary = `Progress per workstream. ${lanes
    .map(
      (w) =>
        `${w.name}: ${num.percent(w.progress)} done, ${totalOf(w)} items (${STATUS_SERIES.filter(
          (s) => w[s.key] > 0,
        )
          .map((s) => `${w[s.key]} ${s.label.toLowerCase()}`)
          .join(", ")})`,
    )
    .join("; ")}.`;
  return (
    <div className="flex flex-col gap-3">
      <ChartLegend entries={STATUS_SERIES.map((s) => ({ label: s.label, colour: s.colour }))} />
      <ChartFrame summary={summary} height={lanes.length * ROW_HEIGHT + 28}>
        {({ Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis }) => (
          <BarChart
            {...CHART_PROPS}
            layout="vertical"
            data={data}
            margin={{ top: 0, right: 72, bottom: 0, left: 0 }}
            barCategoryGap="28%"
          >
            <CartesianGrid horizontal={false} stroke={CHART.grid} />
            <XAxis
              type="number"
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={{ stroke: CHART.axis }}
              allowDecimals={false}
              height={24}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={112}
              tick={{ ...TICK_STYLE, fill: CHART.ink }}
              tickLine={false}
              axisLine={false}
              tickFormatter={(name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name)}
            />
            <Tooltip cursor={{ fill: CHART.cursor }} />
            {STATUS_SERIES.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="status"
                fill={s.colour}
                {...STACKED_SEGMENT}
              >
                {/* The share done sits at the end of each lane's bar: on its last non-empty segment. */}
                <LabelList
                  dataKey={(d: Row) => (d.lastKey === s.key ? d.progressText : "")}
                  position="right"
                  fontSize={12}
                  fontWeight={600}
                  fill={CHART.ink}
                />
              </Bar>
            ))}
          </BarChart>
        )}
      </ChartFrame>
      <ShowTheNumbers>
        <DataTable
          caption="Items per workstream by status, and the share done"
          hideCaption
          rows={data}
          rowKey={(w) => w.key}
          columns={[
            { header: "Workstream", rowHeader: true, cell: (w) => w.name },
            ...STATUS_SERIES.map((s) => ({
              header: s.label,
              numeric: true,
              cell: (w: Workstream) => w[s.key],
            })),
            { header: "Done", numeric: true, cell: (w) => num.percent(w.progress) },
          ]}
        />
      </ShowTheNumbers>
    </div>
  );
}
