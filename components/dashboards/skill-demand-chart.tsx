"use client";

import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, TICK_STYLE } from "@/components/charts/chart-colours";
import { ChartFrame } from "@/components/charts/chart-frame";
import { QuarterTick, type TickProps } from "@/components/charts/quarter-tick";
import { quarterLabel, useNumberText } from "@/components/resources/numbers";
import { Select } from "@/components/ui/select";
import type { EngineeringDashboard } from "@/lib/validation/communication";
import { ChartLegend } from "./chart-legend";
import { DataTable } from "./data-table";
import { PanelEmpty } from "./dashboard-panel";
import { ShowTheNumbers } from "./show-the-numbers";

type SkillDemand = EngineeringDashboard["skillDemand"][number];

/** Demand against capacity per quarter for one skill at a time, chosen from a list; the table below has the numbers. */
export function SkillDemandChart({ skills }: { skills: SkillDemand[] }) {
  const num = useNumberText();
  const selectId = useId();
  const [chosen, setChosen] = useState(skills[0]?.skillId ?? "");
  const skill = skills.find((s) => s.skillId === chosen) ?? skills[0];
  if (!skill) return <PanelEmpty>No feature asks for skill hours yet.</PanelEmpty>;

  const data = skill.quarters.map((q) => ({
    ...q,
    label: quarterLabel(q.quarter),
    short: q.demandHours > q.capacityHours,
  }));
  const shortQuarters = data.filter((d) => d.short);
  const summary =
    `${skill.skill}: demand against capacity per quarter. ` +
    (shortQuarters.length
      ? `Short in ${shortQuarters.map((d) => `${d.label} by ${num.hours(d.demandHours - d.capacityHours)}`).join(", ")}.`
      : "Covered in every quarter.");

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="text-[13px] font-medium text-ink">
          Skill
        </label>
        <Select
          id={selectId}
          size="sm"
          value={skill.skillId}
          onChange={(e) => setChosen(e.target.value)}
          className="w-56 max-w-full"
        >
          {skills.map((s) => (
            <option key={s.skillId} value={s.skillId}>
              {s.skill}
            </option>
          ))}
        </Select>
      </div>
      <ChartLegend
        entries={[
          {
            label: "Capacity: hours of the people planned",
            colour: CHART.capacityFill,
            outline: CHART.capacityStroke,
          },
          { label: "Demand: skill hours the features ask for", colour: CHART.accent },
        ]}
      />
      <ChartFrame summary={summary} height={230}>
        <BarChart
          responsive
          accessibilityLayer={false}
          data={data}
          style={{ width: "100%", height: "100%" }}
          margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
          barGap={2}
          barCategoryGap="22%"
        >
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="label"
            interval={0}
            height={shortQuarters.length ? 46 : 34}
            tickLine={false}
            axisLine={{ stroke: CHART.axis }}
            tick={(tick: TickProps) => (
              <QuarterTick
                {...tick}
                flag={data.find((d) => d.label === tick.payload?.value)?.short ? "▲ short" : null}
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
          <Tooltip cursor={{ fill: CHART.cursor }} formatter={(v) => num.hours(Number(v))} />
          <Bar
            dataKey="capacityHours"
            name="Capacity"
            fill={CHART.capacityFill}
            stroke={CHART.capacityStroke}
            strokeWidth={1.5}
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
          <Bar
            dataKey="demandHours"
            name="Demand"
            fill={CHART.accent}
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartFrame>
      <ShowTheNumbers>
        <DataTable
          caption={`${skill.skill}: demand and capacity per quarter`}
          hideCaption
          rows={data}
          rowKey={(d) => d.quarter}
          columns={[
            { header: "Quarter", rowHeader: true, cell: (d) => d.label },
            { header: "Demand", numeric: true, cell: (d) => num.hours(d.demandHours) },
            { header: "Capacity", numeric: true, cell: (d) => num.hours(d.capacityHours) },
            {
              header: "Gap",
              numeric: true,
              cell: (d) => (d.short ? `▲ ${num.hours(d.demandHours - d.capacityHours)} short` : "covered"),
            },
          ]}
        />
      </ShowTheNumbers>
    </div>
  );
}
