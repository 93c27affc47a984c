"use client";

import { CHART, TICK_STYLE } from "@/components/charts/chart-colours";
import { ChartFrame } from "@/components/charts/chart-frame";
import { useNumberText } from "@/components/resources/numbers";
import type { DateText } from "@/lib/client/dates";
import { fromDayNumber, toDayNumber } from "@/lib/planning/calendar";
import type { MilestoneForecast } from "./milestone-table";

interface Point {
  day: number;
  date: string;
  cumulative: number;
}

function TargetLabel({ x, y, text, toLeft }: { x: number; y: number; text: string; toLeft: boolean }) {
  return (
    <text
      x={toLeft ? x - 4 : x + 4}
      y={y - 8}
      textAnchor={toLeft ? "end" : "start"}
      fontSize={11}
      fontWeight={600}
      fill={CHART.dangerText}
    >
      {text}
    </text>
  );
}

/**
 * The selected milestone's cumulative curve: the share of runs that reach it by each date, with
 * its target date marked (a dashed red line, labelled) and the 80% level (a dotted line).
 */
export function MilestoneCurve({ milestone, dt }: { milestone: MilestoneForecast; dt: DateText }) {
  const num = useNumberText();
  const target = toDayNumber(milestone.targetDate);
  const data: Point[] = milestone.distribution.map((p) => ({
    day: toDayNumber(p.date),
    date: p.date,
    cumulative: p.cumulative,
  }));
  const days = data.map((d) => d.day);
  const first = Math.min(target, ...days);
  const last = Math.max(target, ...days);
  const pad = Math.max(3, Math.round((last - first) * 0.04));
  const summary = `${milestone.title}: the share of runs that reach it by each date. 50% by ${dt.date(milestone.p50)}, 80% by ${dt.date(milestone.p80)}, 95% by ${dt.date(milestone.p95)}. Its target date, ${dt.date(milestone.targetDate)}, is made in ${num.percent(milestone.onTimeProbability)} of runs.`;

  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-sm font-semibold text-ink">
        Chance of reaching “{milestone.title}” by each date
      </figcaption>
      <ChartFrame summary={summary} height={280}>
        {({ Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis }) => (
          <AreaChart
            responsive
            accessibilityLayer={false}
            data={data}
            style={{ width: "100%", height: "100%" }}
            margin={{ top: 24, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke={CHART.grid} vertical={false} />
            <XAxis
              dataKey="day"
              type="number"
              domain={[first - pad, last + pad]}
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={{ stroke: CHART.axis }}
              tickFormatter={(day: number) => dt.date(fromDayNumber(Math.round(day)))}
              tickCount={5}
              allowDecimals={false}
            />
            <YAxis
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={(v: number) => num.percent(v)}
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={false}
              width={44}
            />
            <Tooltip
              labelFormatter={(day) => `By ${dt.date(fromDayNumber(Math.round(Number(day))))}`}
              formatter={(value) => [`${num.percent(Number(value))} of runs`, "Reached"]}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: CHART.grid }}
            />
            <ReferenceLine
              y={0.8}
              stroke={CHART.tick}
              strokeDasharray="2 3"
              label={{ value: "80%", position: "insideTopLeft", fontSize: 11, fill: CHART.ink }}
            />
            <Area
              type="stepAfter"
              dataKey="cumulative"
              stroke={CHART.accent}
              strokeWidth={2}
              fill={CHART.accent}
              fillOpacity={0.12}
              isAnimationActive={false}
            />
            <ReferenceLine
              x={target}
              stroke={CHART.danger}
              strokeWidth={2}
              strokeDasharray="6 4"
              label={(props: { viewBox?: { x?: number; y?: number } }) => (
                <TargetLabel
                  x={props.viewBox?.x ?? 0}
                  y={props.viewBox?.y ?? 0}
                  text={`Target ${dt.date(milestone.targetDate)}`}
                  // Near the right edge the words go to the line's left, so they are never cut off.
                  toLeft={(target - (first - pad)) / (last - first + 2 * pad) > 0.6}
                />
              )}
            />
          </AreaChart>
        )}
      </ChartFrame>
      <p className="text-xs text-muted">
        Solid line: share of runs reaching the milestone by that date. Red dashed line: its target date.
        Dotted line: the 80% level (P80).
      </p>
    </figure>
  );
}
