"use client";

import { CHART, TICK_STYLE, seriesColour } from "@/components/charts/chart-colours";
import { CHART_PROPS, QUARTER_X_AXIS, STACKED_SEGMENT } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import type { Capacity } from "@/lib/client/resources";
import { quarterLabel, useNumberText, type NumberText } from "./numbers";

type Lane = Capacity["workstreams"][number];

function summaryOf(lanes: Lane[], quarters: string[], num: NumberText): string {
  const totals = quarters.map((q, i) => ({
    q,
    hours: lanes.reduce((sum, lane) => sum + (lane.quarters[i]?.hours ?? 0), 0),
  }));
  const busiest = totals.reduce((a, b) => (b.hours > a.hours ? b : a), totals[0]);
  return `Estimated hours per lane and quarter, stacked. The busiest quarter is ${quarterLabel(busiest.q)} with ${num.hours(busiest.hours)}. The table below lists every figure.`;
}

function LaneTable({ lanes, quarters, num }: { lanes: Lane[]; quarters: string[]; num: NumberText }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-[13px]">
        <caption className="sr-only">Estimated hours per lane and quarter</caption>
        <thead className="bg-subtle text-left text-xs text-ink-soft">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Lane
            </th>
            {quarters.map((q) => (
              <th key={q} scope="col" className="px-3 py-2 text-right font-semibold whitespace-nowrap">
                {quarterLabel(q)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lanes.map((lane, i) => (
            <tr key={lane.workstreamId ?? "none"} className="border-t border-line">
              <th scope="row" className="px-3 py-2 text-left font-medium text-ink">
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block size-2.5 shrink-0 rounded-sm"
                    style={{ background: seriesColour(i) }}
                  />
                  {lane.name}
                </span>
              </th>
              {lane.quarters.map((q) => (
                <td key={q.quarter} className="px-3 py-2 text-right tabular-nums">
                  {num.count(q.hours)}
                </td>
              ))}
            </tr>
          ))}
          <tr className="border-t border-line-strong bg-subtle/60 font-semibold">
            <th scope="row" className="px-3 py-2 text-left">
              Total
            </th>
            {quarters.map((q, qi) => (
              <td key={q} className="px-3 py-2 text-right tabular-nums">
                {num.count(lanes.reduce((sum, lane) => sum + (lane.quarters[qi]?.hours ?? 0), 0))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Hours per lane per quarter (the features' expected hours), as stacked bars and as a table. */
export function WorkstreamHours({ capacity }: { capacity: Capacity }) {
  const num = useNumberText();
  const lanes = capacity.workstreams;
  const data = capacity.quarters.map((q, qi) => {
    const row: Record<string, number | string> = { label: quarterLabel(q) };
    lanes.forEach((lane, i) => (row[`lane${i}`] = lane.quarters[qi]?.hours ?? 0));
    return row;
  });
  const total = lanes.reduce((sum, lane) => sum + lane.quarters.reduce((a, q) => a + q.hours, 0), 0);

  if (lanes.length === 0 || total === 0) {
    return (
      <p className="rounded-lg border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
        No estimated hours yet: give features a three-point estimate (open one on the timeline) to see the
        work each lane carries per quarter.
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <ChartFrame summary={summaryOf(lanes, capacity.quarters, num)} height={280}>
        {({ Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis }) => (
          <BarChart
            {...CHART_PROPS}
            data={data}
            margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
            barCategoryGap="28%"
          >
            <CartesianGrid vertical={false} stroke={CHART.grid} />
            <XAxis {...QUARTER_X_AXIS} />
            <YAxis
              width={48}
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={false}
              tickFormatter={(v: number) => `${num.compact(v)} h`}
              allowDecimals={false}
            />
            <Tooltip
              cursor={{ fill: CHART.cursor }}
              formatter={(value) => num.hours(Number(value))}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: CHART.grid }}
            />
            <Legend iconType="square" wrapperStyle={{ fontSize: 12, color: CHART.ink, paddingTop: 8 }} />
            {lanes.map((lane, i) => (
              <Bar
                key={lane.workstreamId ?? "none"}
                dataKey={`lane${i}`}
                name={lane.name}
                stackId="lanes"
                fill={seriesColour(i)}
                {...STACKED_SEGMENT}
              />
            ))}
          </BarChart>
        )}
      </ChartFrame>
      <details className="group">
        <summary className="cursor-pointer text-[13px] font-medium text-accent-700 underline decoration-accent-300 underline-offset-[3px]">
          Show the hours as a table
        </summary>
        <div className="mt-3">
          <LaneTable lanes={lanes} quarters={capacity.quarters} num={num} />
        </div>
      </details>
    </div>
  );
}
