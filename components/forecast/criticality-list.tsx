"use client";

import { useNumberText } from "@/components/resources/numbers";
import type { Forecast } from "@/lib/client/resources";
import type { Item } from "@/lib/validation/timeline";

const SHOWN = 10;
/** Below this share an item hardly ever decides anything: it is left out rather than shown as 0%. */
const MIN_INDEX = 0.01;

/** The items most often on the critical path across the runs: the ones that decide the dates. */
export function CriticalityList({ forecast, items }: { forecast: Forecast; items: Item[] }) {
  const num = useNumberText();
  const byId = new Map(items.map((i) => [i.id, i]));
  const top = [...forecast.items]
    .filter((i) => i.criticalityIndex >= MIN_INDEX && byId.get(i.id)?.kind === "feature")
    .sort((a, b) => b.criticalityIndex - a.criticalityIndex)
    .slice(0, SHOWN);
  if (top.length === 0) {
    return (
      <p className="text-sm text-muted">No feature was on the critical path in more than 1% of the runs.</p>
    );
  }
  return (
    <ol className="flex flex-col gap-2.5">
      {top.map((entry, i) => (
        <li
          key={entry.id}
          className="grid grid-cols-[1.5rem_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1"
        >
          <span className="text-right text-xs text-muted tabular-nums" aria-hidden="true">
            {i + 1}.
          </span>
          <span className="min-w-0 truncate text-sm font-medium text-ink">{byId.get(entry.id)?.title}</span>
          <span className="text-sm text-ink-soft tabular-nums">
            <span className="font-semibold text-ink">{num.percent(entry.criticalityIndex)}</span>
            <span className="sr-only"> of runs on the critical path</span>
          </span>
          <span
            aria-hidden="true"
            className="col-start-2 col-end-4 h-1.5 overflow-hidden rounded-full bg-subtle"
          >
            <span
              className="block h-full rounded-full bg-accent-600"
              style={{ width: `${Math.round(entry.criticalityIndex * 100)}%` }}
            />
          </span>
        </li>
      ))}
    </ol>
  );
}
