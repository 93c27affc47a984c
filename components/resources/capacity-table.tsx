"use client";

import type { Capacity } from "@/lib/client/resources";
import { HoursCell } from "./hours-cell";
import { quarterLabel } from "./numbers";

/** The numbers behind the charts: demand and capacity per skill and quarter, short quarters marked. */
export function CapacityTable({ capacity }: { capacity: Capacity }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-[13px]" data-testid="capacity-table">
        <caption className="border-b border-line bg-subtle px-3 py-2 text-left text-xs text-ink-soft">
          Demand / capacity in hours per skill and quarter.{" "}
          <span className="font-semibold text-danger-700">▲</span> marks a quarter short of people.
        </caption>
        <thead className="text-left text-xs text-ink-soft">
          <tr>
            <th
              scope="col"
              className="sticky left-0 border-r border-b border-line bg-surface px-3 py-2 font-semibold"
            >
              Skill
            </th>
            {capacity.quarters.map((q) => (
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
          {capacity.skills.map((skill) => (
            <tr key={skill.skillId} className="border-b border-line last:border-b-0">
              <th
                scope="row"
                className="sticky left-0 border-r border-line bg-surface px-3 py-2 text-left font-medium text-ink"
              >
                {skill.name}
              </th>
              {skill.quarters.map((cell) => (
                <HoursCell key={cell.quarter} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
