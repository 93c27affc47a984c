"use client";

import { CHART, TICK_STYLE, seriesColour } from "@/components/charts/chart-colours";
import { CHART_PROPS } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import { Skeleton } from "@/components/ui/skeleton";
import { LoadError } from "@/components/ui/query-state";
import { useDateText } from "@/lib/client/dates";
import { useConfidence, type Confidence } from "@/lib/client/learning";
import { fromDayNumber, toDayNumber } from "@/lib/planning/civil-date";
import { ChartLegend } from "./chart-legend";
import { PanelEmpty } from "./dashboard-panel";
import { DataTable } from "./data-table";
import { ShowTheNumbers } from "./show-the-numbers";
import { TrendNote } from "./trend-note";

type Series = Confidence["projectFinish"] & { id: string; title: string };

function seriesOf(data: Confidence): Series[] {
  return [
    ...data.milestones.map((m) => ({ ...m, id: m.id, title: m.title })),
    { ...data.projectFinish, id: "finish", title: "Project finish" },
  ];
}

/**
 * A series' points: x the day recorded (a second record of the same day, a review then the day's
 * own, a little to its right, so they do not stack), y the days its P80 moved since the first.
 */
function plotted(s: Series) {
  const first = toDayNumber(s.points[0].p80);
  let x = -Infinity;
  return s.points.map((p) => {
    x = Math.max(toDayNumber(p.on), x + 0.3);
    return { x, y: toDayNumber(p.p80) - first, p80: p.p80 };
  });
}

/** "+12 d", "−3 d", "0". */
const movedText = (days: number) => (days === 0 ? "0" : `${days > 0 ? "+" : "−"}${Math.abs(days)} d`);

/**
 * How far each key milestone's and the project finish's P80 has moved since its first recorded
 * forecast (each review, and at most once a day when it changed): one scale for dates months apart,
 * and a line climbing means that date is slipping. Under it, each series' move since the last
 * review in words, and the numbers.
 */
export function ConfidenceChart({ roadmapId }: { roadmapId: string }) {
  const dt = useDateText();
  const confidence = useConfidence(roadmapId);
  if (confidence.error)
    return (
      <LoadError
        title="Confidence over time could not load"
        error={confidence.error}
        onRetry={confidence.refetch}
      />
    );
  if (!confidence.data) return <Skeleton className="h-64 w-full" />;
  const series = seriesOf(confidence.data).filter((s) => s.points.length > 0);
  if (series.length === 0 || series.every((s) => s.points.length < 2))
    return (
      <PanelEmpty>
        Not enough recorded forecasts yet: one is kept at each review and at most once a day when the plan
        changes.
      </PanelEmpty>
    );
  const dateTick = (n: number) => dt.date(fromDayNumber(Math.round(n)));
  const last = series.map((s) => ({ ...s, latest: s.points.at(-1)! }));
  const summary =
    "P80 dates at each recorded forecast, as days moved since the first. " +
    last
      .map(
        (s) =>
          `${s.title}: P80 ${dt.date(s.points[0].p80)} on ${dt.date(s.points[0].on)}, ${dt.date(s.latest.p80)} on ${dt.date(s.latest.on)}`,
      )
      .join("; ") +
    ".";
  return (
    <div className="flex flex-col gap-3" data-testid="confidence-chart">
      <ChartLegend
        entries={series.map((s, i) => ({
          label: s.title,
          colour: seriesColour(i),
          dashed: s.id === "finish",
        }))}
      />
      <ChartFrame summary={summary} height={260}>
        {({ CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis }) => (
          <LineChart {...CHART_PROPS} margin={{ top: 8, right: 12, bottom: 4, left: 8 }}>
            <CartesianGrid stroke={CHART.grid} />
            <XAxis
              type="number"
              dataKey="x"
              domain={["dataMin", "dataMax"]}
              tickFormatter={dateTick}
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={{ stroke: CHART.axis }}
              minTickGap={24}
              allowDecimals={false}
              allowDuplicatedCategory={false}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={["auto", "auto"]}
              tickFormatter={movedText}
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={false}
              width={56}
              allowDecimals={false}
            />
            <Tooltip
              labelFormatter={(x) => `Recorded ${dateTick(Number(x))}`}
              formatter={(y, name, item) => [
                `P80 ${dt.date((item.payload as { p80: string }).p80)} (${movedText(Number(y))})`,
                name,
              ]}
            />
            {series.map((s, i) => (
              <Line
                key={s.id}
                name={s.title}
                data={plotted(s)}
                dataKey="y"
                stroke={seriesColour(i)}
                strokeWidth={2}
                strokeDasharray={s.id === "finish" ? "6 3" : undefined}
                dot={{ r: 2.5 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ChartFrame>
      <ul className="flex flex-col gap-1 text-[13px]">
        {last.map((s) =>
          s.trend ? (
            <li key={s.id}>
              <span className="font-medium text-ink">{s.title}: </span>
              <TrendNote trend={s.trend} />
            </li>
          ) : null,
        )}
      </ul>
      <ShowTheNumbers>
        <DataTable
          caption="The latest recorded forecast of each key milestone and the project finish"
          hideCaption
          rows={last}
          rowKey={(s) => s.id}
          columns={[
            { header: "Series", rowHeader: true, cell: (s) => s.title },
            { header: "Recorded", numeric: true, cell: (s) => dt.date(s.latest.on) },
            { header: "P50", numeric: true, cell: (s) => dt.date(s.latest.p50) },
            { header: "P80", numeric: true, cell: (s) => dt.date(s.latest.p80) },
            { header: "Forecasts", numeric: true, cell: (s) => s.points.length },
          ]}
        />
      </ShowTheNumbers>
    </div>
  );
}
