"use client";

import type { StaffingPlan } from "@/lib/client/resources";
import type { Skill } from "@/lib/validation/teams";
import { quarterLabel, useNumberText } from "./numbers";

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
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-[13px]">
        <caption className="sr-only">
          Staffing plan: people × focused hours per week per person, for each skill and quarter
        </caption>
        <thead className="bg-subtle text-left text-xs text-ink-soft">
          <tr>
            <th
              scope="col"
              className="sticky left-0 border-r border-b border-line bg-subtle px-3 py-2 font-semibold"
            >
              Skill
            </th>
            {quarters.map((q) => (
              <th
                key={q}
                scope="col"
                className="border-b border-l border-line px-3 py-2 text-right font-semibold whitespace-nowrap text-ink"
              >
                {quarterLabel(q)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {skills.map((skill) => (
            <tr key={skill.id} className="border-b border-line last:border-b-0">
              <th
                scope="row"
                className="sticky left-0 border-r border-line bg-surface px-3 py-2 text-left font-medium text-ink"
              >
                {skill.name}
              </th>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
