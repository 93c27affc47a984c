"use client";

import { useDateText, useToday } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import type { Capacity } from "@/lib/client/resources";
import { quarterLabel, useNumberText } from "./numbers";

/** Who to hire (or move in) and by when, so that each quarter is staffed; earliest first. */
export function RampUpTable({ capacity }: { capacity: Capacity }) {
  const dt = useDateText();
  const today = useToday();
  const num = useNumberText();
  const names = new Map(capacity.skills.map((s) => [s.skillId, s.name]));
  const phases = new Map(capacity.byPhase.map((p) => [p.phaseId, p.name]));
  const withPhases = phases.size > 0;
  const rows = [...capacity.rampUp].sort(
    (a, b) => a.startBy.localeCompare(b.startBy) || a.quarter.localeCompare(b.quarter),
  );
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
        No one to add: the staffing plan covers the demand of every skill in every quarter.
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">
          Suggested ramp-up: people to add per skill, the phase they staff, and when to start hiring
        </caption>
        <thead className="bg-subtle text-left text-xs text-ink-soft">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Add
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Needed by
            </th>
            {withPhases && (
              <th scope="col" className="px-3 py-2 font-semibold">
                For phase
              </th>
            )}
            <th scope="col" className="px-3 py-2 font-semibold">
              Start hiring by
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const late = today !== null && row.startBy < today;
            return (
              <tr key={`${row.skillId}/${row.quarter}`} className="border-t border-line">
                <th scope="row" className="px-3 py-2.5 text-left font-medium text-ink">
                  {num.decimal(row.addHeadcount)} {names.get(row.skillId) ?? "people of a removed skill"}
                </th>
                <td className="px-3 py-2.5 whitespace-nowrap text-ink-soft">{quarterLabel(row.quarter)}</td>
                {withPhases && (
                  <td className="px-3 py-2.5 text-ink-soft">
                    {row.phaseId ? (
                      (phases.get(row.phaseId) ?? "—")
                    ) : (
                      <span className="text-muted">No phase</span>
                    )}
                  </td>
                )}
                <td className="px-3 py-2.5 whitespace-nowrap">
                  <span className="inline-flex flex-wrap items-center gap-2">
                    <time dateTime={row.startBy} className="tabular-nums">
                      {dt.date(row.startBy)}
                    </time>
                    {late && <Badge tone="danger">Already late</Badge>}
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
