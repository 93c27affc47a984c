"use client";

import type { DateText } from "@/lib/client/dates";
import { useNumberText } from "@/components/resources/numbers";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { FlagIcon } from "@/components/ui/icons";
import type { Forecast } from "@/lib/client/resources";
import { ON_TIME_LIKELY } from "@/lib/planning/milestone-alerts";

export type MilestoneForecast = Forecast["milestones"][number];

/** The chance of making the date, in words as well as a number. */
export function onTimeLevel(p: number): { label: string; tone: BadgeTone } {
  if (p >= ON_TIME_LIKELY) return { label: "Likely", tone: "success" };
  if (p >= 0.5) return { label: "At risk", tone: "warning" };
  return { label: "Unlikely", tone: "danger" };
}

/**
 * Each milestone's target and its P50/P80/P95 dates, with the chance of making the target. A
 * milestone's name selects it for the curve below.
 */
export function MilestoneTable({
  milestones,
  selectedId,
  onSelect,
  dt,
}: {
  milestones: MilestoneForecast[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  dt: DateText;
}) {
  const num = useNumberText();
  const late = (date: string, target: string) => date > target;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-sm">
        <caption className="border-b border-line bg-subtle px-3 py-2 text-left text-xs text-ink-soft">
          Milestones by target date: the dates by which 50%, 80% and 95% of runs reach each one.{" "}
          <span className="font-semibold text-danger-700">▲</span> marks a date after the target. Choose a
          milestone to see its curve.
        </caption>
        <thead className="text-left text-xs text-ink-soft">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Milestone
            </th>
            <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
              Target
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              P50
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              P80
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              P95
            </th>
            <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
              On time
            </th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => {
            const selected = m.id === selectedId;
            const level = onTimeLevel(m.onTimeProbability);
            return (
              <tr
                key={m.id}
                data-milestone-id={m.id}
                className={cx("border-t border-line", selected && "bg-accent-50/60")}
              >
                <th scope="row" className="min-w-44 px-3 py-2 text-left font-normal">
                  <button
                    type="button"
                    aria-pressed={selected}
                    onClick={() => onSelect(m.id)}
                    className={cx(
                      "inline-flex items-center gap-1.5 rounded text-left font-medium hover:underline",
                      selected ? "text-accent-800" : "text-ink",
                    )}
                  >
                    {m.isKey && <FlagIcon className="size-3.5 shrink-0 text-accent-800" />}
                    {m.title}
                    {m.isKey && <span className="sr-only"> (key milestone)</span>}
                  </button>
                </th>
                <td className="px-3 py-2 whitespace-nowrap text-ink-soft tabular-nums">
                  {dt.date(m.targetDate)}
                </td>
                {(["p50", "p80", "p95"] as const).map((p) => (
                  <td
                    key={p}
                    data-percentile={p}
                    className={cx(
                      "px-3 py-2 whitespace-nowrap tabular-nums",
                      late(m[p], m.targetDate) ? "font-medium text-danger-700" : "text-ink",
                    )}
                  >
                    {late(m[p], m.targetDate) && (
                      <>
                        <span aria-hidden="true">▲ </span>
                        <span className="sr-only">after the target: </span>
                      </>
                    )}
                    {dt.date(m[p])}
                  </td>
                ))}
                <td className="px-3 py-2 whitespace-nowrap">
                  <span className="inline-flex items-center gap-2">
                    <span className="w-10 text-right font-semibold tabular-nums">
                      {num.percent(m.onTimeProbability)}
                    </span>
                    <Badge tone={level.tone}>{level.label}</Badge>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
