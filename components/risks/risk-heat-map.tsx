"use client";

import { cx } from "@/components/ui/cx";
import type { Risk } from "@/lib/client/resources";
import type { RiskFilters } from "./risk-filters";
import { IMPACT_LABELS, LEVEL_INFO, LIKELIHOOD_LABELS, scoreLevel } from "./risk-labels";

const LEVELS = [5, 4, 3, 2, 1];
const IMPACTS = [1, 2, 3, 4, 5];

/**
 * Likelihood (rows, 5 at the top) by impact (columns): how many open and mitigating risks sit in
 * each cell. A cell with risks is a button that filters the register to them (pressed while it does).
 */
export function RiskHeatMap({
  risks,
  selected,
  onSelect,
}: {
  /** The risks to count (open and mitigating). */
  risks: Risk[];
  selected: RiskFilters["cell"];
  onSelect: (cell: RiskFilters["cell"]) => void;
}) {
  const counts = new Map<string, number>();
  for (const r of risks)
    counts.set(`${r.likelihood}/${r.impact}`, (counts.get(`${r.likelihood}/${r.impact}`) ?? 0) + 1);

  return (
    <div className="relative overflow-x-auto">
      <table className="border-separate border-spacing-1 text-[13px]">
        <caption className="mb-2 text-left text-xs leading-5 text-muted">
          Open and mitigating risks by likelihood and impact. Choose a cell to list its risks in the register.
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={5} className="pb-1 text-center text-xs font-semibold text-ink-soft">
              Impact →
            </th>
          </tr>
          <tr>
            <th scope="col" className="pr-1 text-right align-bottom text-xs font-semibold text-ink-soft">
              Likelihood ↓
            </th>
            {IMPACTS.map((impact) => (
              <th
                key={impact}
                scope="col"
                className="w-14 text-center align-bottom text-xs font-medium text-muted"
              >
                <span className="block text-ink">{impact}</span>
                <span className="block text-[10px] leading-tight">{IMPACT_LABELS[impact - 1]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((likelihood) => (
            <tr key={likelihood}>
              <th
                scope="row"
                className="w-16 pr-1 text-right text-xs font-medium text-muted sm:w-auto sm:whitespace-nowrap"
              >
                <span className="text-ink">{likelihood}</span>{" "}
                <span className="text-[10px] leading-tight sm:text-xs">
                  {LIKELIHOOD_LABELS[likelihood - 1]}
                </span>
              </th>
              {IMPACTS.map((impact) => {
                const score = likelihood * impact;
                const count = counts.get(`${likelihood}/${impact}`) ?? 0;
                const level = LEVEL_INFO[scoreLevel(score)];
                const pressed = selected?.likelihood === likelihood && selected.impact === impact;
                const label = `Likelihood ${likelihood}, impact ${impact} (score ${score}, ${level.label.toLowerCase()}): ${count} ${count === 1 ? "risk" : "risks"}`;
                return (
                  <td
                    key={impact}
                    className={cx("size-10 rounded-md p-0 text-center sm:size-12", level.cell)}
                  >
                    {count > 0 ? (
                      <button
                        type="button"
                        aria-pressed={pressed}
                        aria-label={label}
                        onClick={() => onSelect(pressed ? null : { likelihood, impact })}
                        className={cx(
                          "flex size-10 items-center justify-center rounded-md text-base font-bold text-ink tabular-nums hover:ring-2 hover:ring-ink/40 sm:size-12",
                          pressed && "ring-[3px] ring-ink",
                        )}
                      >
                        {count}
                      </button>
                    ) : (
                      <span className="sr-only">{label}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-ink-soft">
        {(["high", "medium", "low"] as const).map((lvl) => (
          <span key={lvl} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={cx("inline-block size-3 rounded-sm ring-1 ring-line-strong", LEVEL_INFO[lvl].cell)}
            />
            {LEVEL_INFO[lvl].label} ({lvl === "high" ? "15–25" : lvl === "medium" ? "8–14" : "1–7"})
          </span>
        ))}
      </p>
    </div>
  );
}
