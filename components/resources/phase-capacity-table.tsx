"use client";

import { useDateText } from "@/components/timeline/dates";
import type { Capacity } from "@/lib/client/resources";
import { HoursCell, type HoursCellValue } from "./hours-cell";

type PhaseRow = Capacity["byPhase"][number];

/** The phase's total; short where any skill is short (spare hours of one skill staff no other). */
function phaseTotal(phase: PhaseRow): HoursCellValue {
  const short = phase.skills.reduce((sum, s) => sum + (s.overAllocated ? s.gapHours : 0), 0);
  return {
    demandHours: phase.demandHours,
    capacityHours: phase.capacityHours,
    gapHours: short > 0 ? short : phase.gapHours,
    overAllocated: short > 0,
  };
}

/**
 * Demand against capacity per phase (columns) and skill (rows), with a total per phase; a phase or
 * skill short of people is marked ▲ with the hours missing. Skills idle in every phase are left out.
 */
export function PhaseCapacityTable({ byPhase, caption }: { byPhase: Capacity["byPhase"]; caption?: string }) {
  const dt = useDateText();
  const skills = (byPhase[0]?.skills ?? [])
    .map((s, i) => ({ skillId: s.skillId, name: s.name, index: i }))
    .filter(({ index }) =>
      byPhase.some((p) => p.skills[index].demandHours > 0 || p.skills[index].capacityHours > 0),
    );
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-[13px]" data-testid="phase-capacity-table">
        <caption className="border-b border-line bg-subtle px-3 py-2 text-left text-xs text-ink-soft">
          {caption ?? "Demand / capacity in hours per skill and phase."}{" "}
          <span className="font-semibold text-danger-700">▲</span> marks a phase short of people.
        </caption>
        <thead className="text-left text-xs text-ink-soft">
          <tr>
            <th
              scope="col"
              className="sticky left-0 border-r border-b border-line bg-surface px-3 py-2 font-semibold"
            >
              Skill
            </th>
            {byPhase.map((p) => (
              <th
                key={p.phaseId}
                scope="col"
                className="border-b border-l border-line px-3 py-2 text-right align-bottom font-semibold text-ink"
              >
                <span className="block">{p.name}</span>
                <span className="block font-normal whitespace-nowrap text-muted">
                  {dt.range(p.startDate, p.endDate)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-line bg-canvas/60">
            <th
              scope="row"
              className="sticky left-0 border-r border-line bg-canvas px-3 py-2 text-left font-semibold text-ink"
            >
              All skills
            </th>
            {byPhase.map((p) => (
              <HoursCell key={p.phaseId} strong cell={phaseTotal(p)} />
            ))}
          </tr>
          {skills.map((skill) => (
            <tr key={skill.skillId} className="border-b border-line last:border-b-0">
              <th
                scope="row"
                className="sticky left-0 border-r border-line bg-surface px-3 py-2 text-left font-medium text-ink"
              >
                {skill.name}
              </th>
              {byPhase.map((p) => (
                <HoursCell key={p.phaseId} cell={p.skills[skill.index]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
