"use client";

import { useId } from "react";
import { CHART, TICK_STYLE } from "@/components/charts/chart-colours";
import { CHART_PROPS } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import { QuarterTick, type TickProps } from "@/components/charts/quarter-tick";
import { Badge } from "@/components/ui/badge";
import { shortQuarters, skillSentence, type SkillCapacity } from "./capacity-facts";
import { quarterLabel, useNumberText, type NumberText } from "./numbers";

interface Datum {
  quarter: string;
  label: string;
  demand: number;
  capacity: number;
  gap: number;
  over: boolean;
}

function CapacityTooltip({
  active,
  payload,
  num,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: Datum }>;
  num: NumberText;
}) {
  const datum = payload?.[0]?.payload;
  if (!active || !datum) return null;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-popover">
      <p className="font-semibold text-ink">{datum.label}</p>
      <p className="mt-1 text-ink-soft">Demand {num.hours(datum.demand)}</p>
      <p className="text-ink-soft">Capacity {num.hours(datum.capacity)}</p>
      <p className={datum.over ? "mt-1 font-semibold text-danger-700" : "mt-1 text-muted"}>
        {datum.over ? `▲ Short by ${num.hours(datum.gap)}` : `${num.hours(-datum.gap)} spare`}
      </p>
    </div>
  );
}

/** A quarter of one skill, as both the capacity page and the engineering dashboard have it. */
export interface QuarterHours {
  quarter: string;
  demandHours: number;
  capacityHours: number;
  gapHours: number;
  overAllocated: boolean;
}

/** One skill: capacity (outlined) and demand (solid; hatched red where above capacity) per quarter. */
export function SkillCapacityChart({ skill }: { skill: SkillCapacity }) {
  const num = useNumberText();
  const short = shortQuarters(skill);
  return (
    <figure className="flex min-w-0 flex-col gap-2 rounded-lg border border-line p-2.5 sm:p-4">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-semibold text-ink">{skill.name}</span>
        {short.length > 0 ? (
          <Badge tone="danger">
            ▲ Short in {short.length} {short.length === 1 ? "quarter" : "quarters"}
          </Badge>
        ) : (
          <Badge tone="success">Covered</Badge>
        )}
      </figcaption>
      <SkillCapacityBars quarters={skill.quarters} summary={skillSentence(skill, num)} height={220} />
    </figure>
  );
}

/** The bars of one skill's quarters, with a tooltip and ▲ under the quarters short of people. */
export function SkillCapacityBars({
  quarters,
  summary,
  height,
}: {
  quarters: readonly QuarterHours[];
  summary: string;
  height: number;
}) {
  const num = useNumberText();
  const hatch = `hatch-${useId().replace(/:/g, "")}`;
  const data: Datum[] = quarters.map((q) => ({
    quarter: q.quarter,
    label: quarterLabel(q.quarter),
    demand: q.demandHours,
    capacity: q.capacityHours,
    gap: q.gapHours,
    over: q.overAllocated,
  }));
  const anyShort = data.some((d) => d.over);

  return (
    <ChartFrame summary={summary} height={height}>
      {({ Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis }) => (
        <BarChart
          {...CHART_PROPS}
          data={data}
          margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
          barGap={2}
          barCategoryGap="22%"
        >
          <defs>
            <pattern
              id={hatch}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={CHART.danger} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2.2" />
            </pattern>
          </defs>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="label"
            interval={0}
            height={anyShort ? 46 : 34}
            tickLine={false}
            axisLine={{ stroke: CHART.axis }}
            tick={(tick: TickProps) => (
              <QuarterTick
                {...tick}
                flag={data.find((d) => d.label === tick.payload?.value)?.over ? "▲ short" : null}
              />
            )}
          />
          <YAxis
            width={48}
            tick={TICK_STYLE}
            tickLine={false}
            axisLine={false}
            tickFormatter={(v: number) => `${num.compact(v)} h`}
            allowDecimals={false}
          />
          <Tooltip cursor={{ fill: CHART.cursor }} content={<CapacityTooltip num={num} />} />
          <Bar
            dataKey="capacity"
            name="Capacity"
            fill={CHART.capacityFill}
            stroke={CHART.capacityStroke}
            strokeWidth={1.5}
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          <Bar dataKey="demand" name="Demand" radius={[2, 2, 0, 0]} isAnimationActive={false}>
            {data.map((d) => (
              <Cell
                key={d.quarter}
                fill={d.over ? `url(#${hatch})` : CHART.accent}
                stroke={d.over ? CHART.danger : CHART.accent}
                strokeWidth={1}
              />
            ))}
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}

/** What the marks mean, once for all the skills' charts. */
export function CapacityLegend() {
  return (
    <ul className="flex flex-wrap items-center gap-x-5 gap-y-1.5 text-xs text-ink-soft" aria-label="Legend">
      <li className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block h-3 w-4 rounded-[2px] border-[1.5px]"
          style={{ background: CHART.capacityFill, borderColor: CHART.capacityStroke }}
        />
        Capacity: hours of the people planned
      </li>
      <li className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block h-3 w-4 rounded-[2px]"
          style={{ background: CHART.accent }}
        />
        Demand: skill hours the features ask for
      </li>
      <li className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block h-3 w-4 rounded-[2px]"
          style={{
            background: `repeating-linear-gradient(45deg, ${CHART.danger} 0 3px, #fff 3px 5px)`,
            border: `1px solid ${CHART.danger}`,
          }}
        />
        <span className="font-semibold text-danger-700">▲ short</span>: demand above capacity
      </li>
    </ul>
  );
}
