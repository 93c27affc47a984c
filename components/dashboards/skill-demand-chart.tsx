"use client";

import { useId, useState } from "react";
import { quarterLabel, useNumberText } from "@/components/resources/numbers";
import { CapacityLegend, SkillCapacityBars } from "@/components/resources/skill-capacity-chart";
import { Select } from "@/components/ui/select";
import type { EngineeringDashboard } from "@/lib/validation/communication";
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

  // The dashboard's cells carry demand and capacity; the gap and shortfall follow from them.
  const quarters = skill.quarters.map((q) => ({
    ...q,
    gapHours: q.demandHours - q.capacityHours,
    overAllocated: q.demandHours > q.capacityHours,
  }));
  const data = quarters.map((q) => ({ ...q, label: quarterLabel(q.quarter), short: q.overAllocated }));
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
      <CapacityLegend />
      <SkillCapacityBars quarters={quarters} summary={summary} height={230} />
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
