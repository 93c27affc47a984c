"use client";

import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import type { Capacity } from "@/lib/client/resources";
import { capacityHeadline } from "./capacity-facts";
import { quarterLabel, useNumberText } from "./numbers";

function Stat({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: "danger";
}) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3 shadow-card">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd
        className={cx(
          "mt-1 text-lg font-semibold tracking-tight tabular-nums",
          tone ? "text-danger-700" : "text-ink",
        )}
      >
        {value}
      </dd>
      {detail && <dd className="mt-0.5 text-xs text-muted">{detail}</dd>}
    </div>
  );
}

/** The four figures a reader wants first: demand, capacity, where it falls short, whom to add. */
export function CapacitySummary({ capacity }: { capacity: Capacity }) {
  const num = useNumberText();
  const { shortCells, worst, demand, supply, hires } = capacityHeadline(capacity);
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat
        label="Demand over the horizon"
        value={num.hours(demand)}
        detail="skill hours asked of features"
      />
      <Stat
        label="Capacity over the horizon"
        value={num.hours(supply)}
        detail="hours of the people planned"
      />
      <Stat
        label="Quarters short of people"
        value={shortCells === 0 ? "None" : `▲ ${num.count(shortCells)}`}
        tone={shortCells > 0 ? "danger" : undefined}
        detail={
          worst
            ? `Largest: ${worst.skill}, ${quarterLabel(worst.cell.quarter)}, ${num.hours(worst.cell.gapHours)}`
            : "every skill is covered"
        }
      />
      <Stat
        label="People to add"
        value={num.decimal(hires)}
        detail={hires > 0 ? "see the ramp-up plan" : "nobody, as planned"}
      />
    </dl>
  );
}
