"use client";

import type { StaffingPlan } from "@/lib/client/resources";
import type { Skill } from "@/lib/validation/teams";
import { quarterLabel, useNumberText } from "./numbers";
import { SkillGrid, SkillRow } from "./skill-grid";

/** The staffing plan for readers: people x focused hours a week, per skill and quarter. */
export function StaffingTable({
  skills,
  quarters,
  plan,
}: {
  skills: Skill[];
  quarters: string[];
  plan: StaffingPlan;
}) {
  const num = useNumberText();
  const rows = new Map(plan.rows.map((r) => [`${r.skillId}/${r.quarter}`, r]));
  return (
    <SkillGrid
      captionHidden
      caption="Staffing plan: people × focused hours per week per person, for each skill and quarter"
      columns={quarters.map((q) => ({ key: q, header: quarterLabel(q) }))}
    >
      {skills.map((skill) => (
        <SkillRow key={skill.id} name={skill.name}>
          {quarters.map((q) => {
            const row = rows.get(`${skill.id}/${q}`);
            return (
              <td
                key={q}
                className="border-l border-line px-3 py-2 text-right whitespace-nowrap tabular-nums"
              >
                {row ? (
                  <>
                    {num.decimal(row.headcount)} <span className="text-muted">×</span>{" "}
                    {num.decimal(row.hoursPerWeek)} h
                  </>
                ) : (
                  <span className="text-muted">
                    <span aria-hidden="true">–</span>
                    <span className="sr-only">none</span>
                  </span>
                )}
              </td>
            );
          })}
        </SkillRow>
      ))}
    </SkillGrid>
  );
}
