"use client";

import { useDateText } from "@/lib/client/dates";
import type { Capacity } from "@/lib/client/resources";
import { HoursCell, type HoursCellValue } from "./hours-cell";
import { SkillGrid, SkillRow } from "./skill-grid";

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
    <SkillGrid
      testId="phase-capacity-table"
      nowrap={false}
      caption={
        <>
          {caption ?? "Demand / capacity in hours per skill and phase."}{" "}
          <span className="font-semibold text-danger-700">▲</span> marks a phase short of people.
        </>
      }
      columns={byPhase.map((p) => ({
        key: p.phaseId,
        header: (
          <>
            <span className="block">{p.name}</span>
            <span className="block font-normal whitespace-nowrap text-muted">
              {dt.range(p.startDate, p.endDate)}
            </span>
          </>
        ),
      }))}
    >
      <SkillRow name="All skills" total>
        {byPhase.map((p) => (
          <HoursCell key={p.phaseId} strong cell={phaseTotal(p)} />
        ))}
      </SkillRow>
      {skills.map((skill) => (
        <SkillRow key={skill.skillId} name={skill.name}>
          {byPhase.map((p) => (
            <HoursCell key={p.phaseId} cell={p.skills[skill.index]} />
          ))}
        </SkillRow>
      ))}
    </SkillGrid>
  );
}
