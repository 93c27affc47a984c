"use client";

import { cx } from "@/components/ui/cx";
import { useNumberText } from "./numbers";

export type HoursCellValue = {
  demandHours: number;
  capacityHours: number;
  gapHours: number;
  overAllocated: boolean;
};

/** Demand / capacity hours of one skill in one period (quarter or phase); a shortfall marked. */
export function HoursCell({ cell, strong }: { cell: HoursCellValue; strong?: boolean }) {
  const num = useNumberText();
  return (
    <td
      className={cx(
        "border-l border-line px-3 py-2 text-right align-top whitespace-nowrap tabular-nums",
        cell.overAllocated && "bg-danger-50",
      )}
    >
      <span className={cx("block text-ink", strong && "font-semibold")}>
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
  );
}
