"use client";

import { CHART, SERIES, TICK_STYLE } from "@/components/charts/chart-colours";
import { CHART_PROPS } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import type { EstimateAccuracy } from "@/lib/client/learning";
import { binLabel, biasText, ratioText } from "./ratio-text";

/** Each 3:1 or more against white; the legend names them. */
export const BIN_COLOURS = { early: SERIES[3], late: SERIES[2], median: CHART.accent } as const;

export const BIN_LEGEND = [
  { label: "Took less than estimated", colour: BIN_COLOURS.early },
  { label: "Took more than estimated", colour: BIN_COLOURS.late },
  { label: "Holds the median", colour: BIN_COLOURS.median },
];

type Stats = Pick<EstimateAccuracy, "histogram" | "medianRatio" | "p10Ratio" | "p90Ratio" | "samples">;

/**
 * How many done features took each multiple of their estimate: bars left of 1 ran early, right of
 * it late; the bin holding the median is marked in the accent colour.
 */
export function RatioHistogram({ stats, name }: { stats: Stats; name: string }) {
  const data = stats.histogram.map((bin) => ({
    label: binLabel(bin.from, bin.to),
    count: bin.count,
    late: bin.from >= 1,
    median:
      stats.medianRatio !== null &&
      stats.medianRatio >= bin.from &&
      (bin.to === null || stats.medianRatio < bin.to),
  }));
  const summary =
    `Histogram of actual over estimated duration for ${name}, ${stats.samples} done features: ` +
    `median ${ratioText(stats.medianRatio)} (${biasText(stats.medianRatio)}), ` +
    `10th to 90th percentile ${ratioText(stats.p10Ratio)} to ${ratioText(stats.p90Ratio)}. ` +
    data.map((d) => `${d.label}: ${d.count}`).join("; ") +
    ".";
  return (
    <ChartFrame summary={summary} height={240}>
      {({ Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis }) => (
        <BarChart
          {...CHART_PROPS}
          data={data}
          margin={{ top: 8, right: 4, bottom: 4, left: 0 }}
          barCategoryGap="8%"
        >
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="label"
            tick={TICK_STYLE}
            tickLine={false}
            axisLine={{ stroke: CHART.axis }}
            interval="preserveStartEnd"
            minTickGap={6}
          />
          <YAxis width={28} tick={TICK_STYLE} tickLine={false} axisLine={false} allowDecimals={false} />
          <Tooltip cursor={{ fill: CHART.cursor }} formatter={(value) => [value, "Features"]} />
          <Bar dataKey="count" name="Features" isAnimationActive={false}>
            {data.map((d) => (
              <Cell
                key={d.label}
                fill={d.median ? BIN_COLOURS.median : d.late ? BIN_COLOURS.late : BIN_COLOURS.early}
              />
            ))}
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}
