// A phase's row mapping: stored rows to the API's Phase, gates, decisions and replanning marks included.
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases } from "@/db/schema";
import { orderPhases, replanningMarks } from "@/lib/planning/phases";
import type { Phase } from "@/lib/validation/phases";
import { notFound } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";

export type PhaseRow = typeof phases.$inferSelect;

/** A roadmap's phases in order, with their gates, decisions and replanning marks. */
export async function loadPhases(db: Database, roadmapId: string): Promise<Phase[]> {
  const rows = orderPhases(
    await db.select().from(phases).where(eq(phases.roadmapId, roadmapId)).orderBy(asc(phases.startDate)),
  );
  const people = await loadPeople(
    db,
    rows.map((r) => r.decidedBy),
  );
  const withGates = rows.map((r) => ({
    ...r,
    gate: r.gateTitle === null ? null : { decision: r.decision },
  }));
  const marks = replanningMarks(withGates);
  return rows.map((r, position) => ({
    id: r.id,
    roadmapId: r.roadmapId,
    name: r.name,
    startDate: r.startDate,
    endDate: r.endDate,
    position,
    gate:
      r.gateTitle === null
        ? null
        : {
            title: r.gateTitle,
            outcome: r.gateOutcome ?? "",
            decision:
              r.decision === null || r.decidedAt === null
                ? null
                : {
                    decision: r.decision,
                    notes: r.decisionNotes ?? "",
                    decidedAt: r.decidedAt.toISOString(),
                    decidedBy: r.decidedBy ? (people.get(r.decidedBy) ?? null) : null,
                    snapshotId: r.decisionSnapshotId,
                  },
          },
    subjectToReplanning: marks[position],
    version: r.version,
  }));
}

export async function presentPhase(db: Database, row: PhaseRow): Promise<Phase> {
  const phase = (await loadPhases(db, row.roadmapId)).find((p) => p.id === row.id);
  if (!phase) throw notFound("phase");
  return phase;
}
