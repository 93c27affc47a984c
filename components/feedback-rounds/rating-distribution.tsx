"use client";

import { CHART, TICK_STYLE } from "@/components/charts/chart-colours";
import { CHART_PROPS } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import type { TickProps } from "@/components/charts/quarter-tick";
import { useDateFormat } from "@/lib/client/locale";
import { averageText, distributionSentence, RATINGS, ratingLabel, type RatingResult } from "./feedback-facts";

/** "3.5" in the reader's locale; "—" with no answers. */
export function useAverageText(): (average: number | null) => string {
  const { locale } = useDateFormat();
  return (average) => averageText(average, locale);
}

/** A rating under the axis: the number, then its words a word a line, so five fit a phone's width. */
function RatingTick({ x, y, payload }: TickProps) {
  const rating = Number(payload?.value);
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" fontSize={11} fill={CHART.ink}>
        <tspan x={0} dy={12} fontWeight={600}>
          {rating}
        </tspan>
        {ratingLabel(rating)
          .split(" ")
          .map((word, i) => (
            <tspan key={i} x={0} dy={13} fill={CHART.tick}>
              {word}
            </tspan>
          ))}
      </text>
    </g>
  );
}

/** How many gave each rating, as bars with their counts on top; the chart's name says the same in words. */
export function RatingDistributionChart({ result }: { result: RatingResult }) {
  const average = useAverageText();
  const data = RATINGS.map((rating) => ({
    rating: String(rating),
    count: result.distribution[rating - 1],
  }));
  return (
    <ChartFrame summary={distributionSentence(result, (n) => average(n))} height={180}>
      {({ Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis }) => (
        <BarChart
          {...CHART_PROPS}
          data={data}
          margin={{ top: 18, right: 4, bottom: 0, left: 0 }}
          barCategoryGap="24%"
        >
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="rating"
            tickLine={false}
            axisLine={{ stroke: CHART.axis }}
            tick={(tick: TickProps) => <RatingTick {...tick} />}
            height={46}
            interval={0}
          />
          <YAxis width={28} tick={TICK_STYLE} tickLine={false} axisLine={false} allowDecimals={false} />
          <Bar
            dataKey="count"
            name="Responses"
            fill={CHART.accent}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          >
            <LabelList dataKey="count" position="top" fontSize={11} fill={CHART.ink} />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}

/** The same distribution, small: five bars (1 to 5) scaled to the largest, with the counts as text. */
export function MiniDistribution({ result }: { result: RatingResult }) {
  const average = useAverageText();
  const max = Math.max(1, ...result.distribution);
  return (
    <div className="flex flex-col gap-1">
      <div aria-hidden="true" className="flex h-8 items-end gap-1">
        {result.distribution.map((count, i) => (
          <div key={i} className="flex h-full w-5 flex-col justify-end">
            <div
              className="w-full rounded-t-[2px] bg-accent-600"
              style={{
                height: `${Math.max(count ? 12 : 2, (count / max) * 100)}%`,
                opacity: count ? 1 : 0.25,
              }}
            />
          </div>
        ))}
      </div>
      <div aria-hidden="true" className="flex gap-1 text-[10px] leading-3 text-muted tabular-nums">
        {RATINGS.map((r) => (
          <span key={r} className="w-5 text-center">
            {r}
          </span>
        ))}
      </div>
      <p className="sr-only">{distributionSentence(result, (n) => average(n))}</p>
    </div>
  );
}
