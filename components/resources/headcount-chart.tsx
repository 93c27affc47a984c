"use client";

import { useId, useMemo, useState } from "react";
import { CHART, TICK_STYLE } from "@/components/charts/chart-colours";
import { CHART_PROPS } from "@/components/charts/chart-props";
import { ChartFrame } from "@/components/charts/chart-frame";
import { Select } from "@/components/ui/select";
import type { Capacity, StaffingPlan } from "@/lib/client/resources";
import { UNPLANNED_PERSON_HOURS_PER_WEEK } from "@/lib/planning/capacity";
import { toDayNumber } from "@/lib/planning/calendar";
import { headcountSeries, type HeadcountPoint } from "./headcount-series";
import { quarterLabel, useNumberText, type NumberText } from "./numbers";

const PHASE_FILLS = ["#d5f1ea", "#dde6f5"] as const;

function summaryOf(points: HeadcountPoint[], who: string, num: NumberText): string {
  const quarters = points.slice(0, -1);
  const worst = quarters.reduce<HeadcountPoint | null>(
    (w, p) => (p.needed - p.planned > (w ? w.needed - w.planned : 0) ? p : w),
    null,
  );
  const head = `Headcount of ${who} per quarter: planned against needed by the demand.`;
  return worst
    ? `${head} Most short in ${quarterLabel(worst.quarter)}: ${num.decimal(worst.planned)} planned, ${num.decimal(worst.needed)} needed.`
    : `${head} The plan covers the demand in every quarter.`;
}

function HeadcountTooltip({
  active,
  payload,
  num,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: HeadcountPoint }>;
  num: NumberText;
}) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const short = point.needed - point.planned;
  return (
    <div className="rounded-md border border-line bg-surface px-3 py-2 text-xs shadow-popover">
      <p className="font-semibold text-ink">{quarterLabel(point.quarter)}</p>
      <p className="mt-1 text-ink-soft">Planned {num.decimal(point.planned)} people</p>
      <p className="text-ink-soft">Needed {num.decimal(point.needed)} people</p>
      {short > 0.05 && <p className="mt-1 font-semibold text-danger-700">▲ {num.decimal(short)} short</p>}
    </div>
  );
}

/**
 * People over time: the staffing plan's headcount against the headcount the demand needs, per
 * quarter, for one skill or all, with the phases drawn as bands behind.
 */
export function HeadcountChart({
  capacity,
  plan,
  roadmap,
}: {
  capacity: Capacity;
  plan: StaffingPlan;
  roadmap: { startDate: string; horizonMonths: number };
}) {
  const num = useNumberText();
  const selectId = useId();
  const [skillId, setSkillId] = useState<string | null>(null);
  const points = useMemo(
    () => headcountSeries(capacity, plan, roadmap, skillId),
    [capacity, plan, roadmap, skillId],
  );
  const who = skillId
    ? (capacity.skills.find((s) => s.skillId === skillId)?.name ?? "the skill")
    : "all skills";
  const quarterOfDay = new Map(points.slice(0, -1).map((p) => [p.day, p.quarter]));
  const first = points[0]?.day ?? 0;
  const last = points.at(-1)?.day ?? 0;

  return (
    <figure className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ul
          className="flex flex-wrap items-center gap-x-5 gap-y-1.5 text-xs text-ink-soft"
          aria-label="Legend"
        >
          <li className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-5"
              style={{ background: CHART.capacityStroke }}
            />
            Planned headcount
          </li>
          <li className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-5"
              style={{
                backgroundImage: `repeating-linear-gradient(90deg, ${CHART.accent} 0 4px, transparent 4px 7px)`,
              }}
            />
            Needed by the demand
          </li>
          {capacity.byPhase.length > 0 && (
            <li className="inline-flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block h-3 w-4 rounded-[2px]"
                style={{ background: PHASE_FILLS[0] }}
              />
              Phases
            </li>
          )}
        </ul>
        <div className="flex items-center gap-2">
          <label htmlFor={selectId} className="text-[13px] font-medium text-ink">
            Skill
          </label>
          <Select
            id={selectId}
            size="sm"
            value={skillId ?? ""}
            onChange={(e) => setSkillId(e.target.value || null)}
          >
            <option value="">All skills</option>
            {capacity.skills.map((s) => (
              <option key={s.skillId} value={s.skillId}>
                {s.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <ChartFrame summary={summaryOf(points, who, num)} height={260}>
        {({ CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis }) => (
          <LineChart {...CHART_PROPS} data={points} margin={{ top: 22, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke={CHART.grid} />
            {capacity.byPhase.map((phase, i) => (
              <ReferenceArea
                key={phase.phaseId}
                x1={Math.max(first, toDayNumber(phase.startDate))}
                x2={Math.min(last, toDayNumber(phase.endDate) + 1)}
                fill={PHASE_FILLS[i % 2]}
                fillOpacity={0.7}
                ifOverflow="hidden"
                label={{ value: phase.name, position: "insideTopLeft", fontSize: 11, fill: CHART.ink }}
              />
            ))}
            <XAxis
              dataKey="day"
              type="number"
              domain={[first, last]}
              ticks={[...quarterOfDay.keys()]}
              tickFormatter={(day: number) => quarterLabel(quarterOfDay.get(day) ?? "")}
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={{ stroke: CHART.axis }}
            />
            <YAxis
              width={36}
              tick={TICK_STYLE}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
              tickFormatter={(v: number) => num.count(v)}
            />
            <Tooltip content={<HeadcountTooltip num={num} />} />
            <Line
              type="stepAfter"
              dataKey="planned"
              name="Planned headcount"
              stroke={CHART.capacityStroke}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="stepAfter"
              dataKey="needed"
              name="Needed by the demand"
              stroke={CHART.accent}
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ChartFrame>
      <figcaption className="text-[13px] leading-5 text-muted">
        Needed: each quarter’s demand hours of {who} over one person’s focused hours that quarter (the plan’s
        hours a week, or {num.decimal(UNPLANNED_PERSON_HOURS_PER_WEEK)} where it gives none).
      </figcaption>
    </figure>
  );
}
