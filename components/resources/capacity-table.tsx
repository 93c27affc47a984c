"use client";

import type { Capacity } from "@/lib/client/resources";
import { HoursCell } from "./hours-cell";
import { quarterLabel } from "./numbers";
import { SkillGrid, SkillRow } from "./skill-grid";

/** The numbers behind the charts: demand and capacity per skill and quarter, short quarters marked. */
export function CapacityTable({ capacity }: { capacity: Capacity }) {
  return (
    <SkillGrid
      testId="capacity-table"
      caption={
        <>
          Demand / capacity in hours per skill and quarter.{" "}
          <span className="font-semibold text-danger-700">▲</span> marks a quarter short of people.
        </>
      }
      columns={capacity.quarters.map((q) => ({ key: q, header: quarterLabel(q) }))}
    >
      {capacity.skills.map((skill) => (
        <SkillRow key={skill.skillId} name={skill.name}>
          {skill.quarters.map((cell) => (
            <HoursCell key={cell.quarter} cell={cell} />
          ))}
        </SkillRow>
      ))}
    </SkillGrid>
  );
}
