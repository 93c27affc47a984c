"use client";

import { useDateText } from "@/lib/client/dates";
import type { ScenarioConflict } from "@/lib/client/scenarios";
import { conflictField, conflictThing, conflictValue } from "./scenario-text";

const cell = "py-2 pr-3 align-top";

/** What both the live roadmap and the scenario changed since the copy: thing, field, each value. */
export function ScenarioConflicts({ conflicts }: { conflicts: ScenarioConflict[] }) {
  const dt = useDateText();
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-[13px]">
        <caption className="sr-only">Changes made to both the live roadmap and the scenario</caption>
        <thead>
          <tr className="border-b border-current/20 text-left text-xs">
            <th scope="col" className={cell}>
              Changed in both
            </th>
            <th scope="col" className={cell}>
              Field
            </th>
            <th scope="col" className={cell}>
              Live roadmap
            </th>
            <th scope="col" className={cell}>
              Scenario
            </th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={`${c.entity}:${c.id}:${c.field}`} className="border-b border-current/10 last:border-b-0">
              <th scope="row" className={`${cell} text-left font-medium`}>
                {conflictThing(c)}
              </th>
              <td className={cell}>{conflictField(c)}</td>
              <td className={cell}>{conflictValue(c, "base", dt.date)}</td>
              <td className={cell}>{conflictValue(c, "scenario", dt.date)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
