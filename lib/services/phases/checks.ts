// What a phase write checks: its span, its gate, and the roadmap lock taken before the phase row.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases } from "@/db/schema";
import { horizonEnd } from "@/lib/planning/calendar";
import { findOverlap } from "@/lib/planning/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import type { PhaseRow } from "./rows";

/** Inside the horizon and clear of every other phase of the roadmap. */
export async function checkSpan(
  tx: Database,
  roadmap: RoadmapRow,
  span: { id: string; startDate: string; endDate: string },
): Promise<void> {
  if (span.endDate < span.startDate) {
    throw new AppError("invalid_request", "A phase cannot end before it starts.", {
      details: [{ path: "endDate", message: "endDate must be on or after startDate." }],
    });
  }
  const last = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
  if (span.startDate < roadmap.startDate || span.endDate > last) {
    throw new AppError(
      "outside_horizon",
      `A phase must lie inside the roadmap's horizon, ${roadmap.startDate} to ${last}.`,
      { details: { horizonStart: roadmap.startDate, horizonEnd: last } },
    );
  }
  const others = await tx.select().from(phases).where(eq(phases.roadmapId, roadmap.id));
  const clash = findOverlap(others, span);
  if (clash) {
    throw new AppError(
      "phase_overlap",
      `Phases cannot overlap: this one shares days with “${clash.name}” (${clash.startDate} to ${clash.endDate}).`,
      {
        details: { phaseId: clash.id, name: clash.name, startDate: clash.startDate, endDate: clash.endDate },
      },
    );
  }
}

/** One write to an existing phase: edit access, the roadmap lock, then the phase as it is now. */
export async function writePhase<T>(
  db: Database,
  actor: Actor,
  phaseId: string,
  work: (tx: Database, roadmap: RoadmapRow, row: PhaseRow) => Promise<T>,
): Promise<T> {
  const [found] = await db.select().from(phases).where(eq(phases.id, phaseId)).limit(1);
  if (!found) throw notFound("phase");
  await accessRoadmap(db, actor, found.roadmapId, "roadmap.write");
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, found.roadmapId, "roadmap.write", { lock: true });
    const [row] = await tx.select().from(phases).where(eq(phases.id, phaseId)).limit(1);
    if (!row) throw notFound("phase");
    return work(tx, roadmap, row);
  });
}

export const gateDecided = (row: PhaseRow) =>
  new AppError(
    "gate_decided",
    `The gate “${row.gateTitle}” was decided (${row.decision}); a decided gate cannot be changed or removed.`,
  );
