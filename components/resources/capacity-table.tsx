"use client";

import { cx } from "@/components/ui/cx";
import type { Capacity } from "@/lib/client/resources";
import { quarterLabel, useNumberText } from "./numbers";

/** The numbers behind the charts: demand and capacity per skill and quarter, short quarters marked. */
export function CapacityTable({ capacity }: { capacity: Capacity }) {
  const num = useNumberText();
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
                <td
                  key={cell.quarter}
                  className={cx(
                    "border-l border-line px-3 py-2 text-right align-top whitespace-nowrap tabular-nums",
                    cell.overAllocated && "bg-danger-50",
                  )}
                >
                  <span className="block text-ink">
                    <span className="sr-only">Demand </span>
                    {num.count(cell.demandHours)}
                    <span aria-hidden="true" className="text-muted">
                      {" / "}
                    </span>
                    <span className="sr-only">, capacity </span>
                    {num.count(cell.capacityHours)}
                    <span className="sr-only"> hours</span>
                  </span>
                  {cell.overAllocated ? (
                    <span className="block text-xs font-semibold text-danger-700">
                      ▲ {num.hours(cell.gapHours)} short
                    </span>
                  ) : cell.capacityHours > 0 || cell.demandHours > 0 ? (
                    <span className="block text-xs text-muted">{num.hours(-cell.gapHours)} spare</span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
