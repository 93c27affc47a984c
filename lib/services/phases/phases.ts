import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases } from "@/db/schema";
import { horizonEnd } from "@/lib/planning/calendar";
import { findOverlap, orderPhases, replanningMarks } from "@/lib/planning/phases";
import type { Snapshot } from "@/lib/validation/communication";
import type { CreatePhaseInput, GateDecisionInput, Phase, UpdatePhaseInput } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";
import {
  accessRoadmap,
  diffFields,
  recordRoadmapChange,
  type RoadmapRow,
} from "@/lib/services/kernel/roadmap-access";
import { takeSnapshot, toSnapshot } from "@/lib/services/snapshots/take";

type PhaseRow = typeof phases.$inferSelect;

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

export async function listPhases(db: Database, actor: Actor, roadmapId: string): Promise<Phase[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  return loadPhases(db, roadmapId);
}

async function presentPhase(db: Database, row: PhaseRow): Promise<Phase> {
  const phase = (await loadPhases(db, row.roadmapId)).find((p) => p.id === row.id);
  if (!phase) throw notFound("phase");
  return phase;
}

/** Inside the horizon and clear of every other phase of the roadmap. */
async function checkSpan(
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

export async function createPhase(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreatePhaseInput,
): Promise<Phase> {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    await checkSpan(tx, roadmap, { id: "", startDate: input.startDate, endDate: input.endDate });
    const [row] = await tx
      .insert(phases)
      .values({
        roadmapId,
        name: input.name,
        startDate: input.startDate,
        endDate: input.endDate,
        gateTitle: input.gate?.title ?? null,
        gateOutcome: input.gate?.outcome ?? null,
      })
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "phase",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: { name: row.name, startDate: row.startDate, endDate: row.endDate, gate: row.gateTitle },
    });
    return presentPhase(tx, row);
  });
}

/** The phase's roadmap checked (editor) first, then a transaction with the roadmap lock and the phase now. */
async function writeTransaction<T>(
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

const gateDecided = (row: PhaseRow) =>
  new AppError(
    "gate_decided",
    `The gate “${row.gateTitle}” was decided (${row.decision}); a decided gate cannot be changed or removed.`,
  );

export async function updatePhase(
  db: Database,
  actor: Actor,
  phaseId: string,
  expectedVersion: number,
  patch: UpdatePhaseInput,
): Promise<Phase> {
  return writeTransaction(db, actor, phaseId, async (tx, roadmap, row) => {
    if (row.version !== expectedVersion) throw versionMismatch("phase", await presentPhase(tx, row));
    const set: Partial<typeof phases.$inferInsert> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.startDate !== undefined) set.startDate = patch.startDate;
    if (patch.endDate !== undefined) set.endDate = patch.endDate;
    if (patch.gate !== undefined) {
      const title = patch.gate?.title ?? null;
      const outcome = patch.gate?.outcome ?? null;
      if (row.decision !== null && (title !== row.gateTitle || outcome !== row.gateOutcome))
        throw gateDecided(row);
      set.gateTitle = title;
      set.gateOutcome = outcome;
    }
    const changes = diffFields(row as unknown as Record<string, unknown>, set);
    if (Object.keys(changes).length === 0) return presentPhase(tx, row);
    await checkSpan(tx, roadmap, {
      id: row.id,
      startDate: set.startDate ?? row.startDate,
      endDate: set.endDate ?? row.endDate,
    });
    const [written] = await tx
      .update(phases)
      .set({ ...set, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(phases.id, row.id), eq(phases.version, row.version)))
      .returning();
    if (!written) throw versionMismatch("phase", await presentPhase(tx, row));
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "phase",
      entityId: row.id,
      action: "updated",
      version: written.version,
      changes,
    });
    return presentPhase(tx, written);
  });
}

export async function deletePhase(db: Database, actor: Actor, phaseId: string, expectedVersion: number) {
  await writeTransaction(db, actor, phaseId, async (tx, roadmap, row) => {
    if (row.version !== expectedVersion) throw versionMismatch("phase", await presentPhase(tx, row));
    await tx.delete(phases).where(eq(phases.id, row.id));
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "phase",
      entityId: row.id,
      action: "deleted",
      changes: { name: row.name },
    });
  });
}

/** Records the gate's go/no-go decision once, with a snapshot of the roadmap as decided on. */
export async function decideGate(
  db: Database,
  actor: Actor,
  phaseId: string,
  input: GateDecisionInput,
): Promise<{ phase: Phase; snapshot: Snapshot }> {
  return writeTransaction(db, actor, phaseId, async (tx, roadmap, row) => {
    if (row.gateTitle === null) {
      throw new AppError("no_gate", `The phase “${row.name}” has no gate to decide; give it a gate first.`);
    }
    if (row.decision !== null) {
      throw new AppError(
        "gate_decided",
        `The gate “${row.gateTitle}” was already decided (${row.decision}); a decision is recorded once.`,
      );
    }
    const snapshot = await takeSnapshot(tx, actor, roadmap, {
      label: `Gate “${row.gateTitle}”: ${input.decision}`,
      kind: "gate",
    });
    const [written] = await tx
      .update(phases)
      .set({
        decision: input.decision,
        decisionNotes: input.notes,
        decidedAt: new Date(),
        decidedBy: actor.userId,
        decisionSnapshotId: snapshot.id,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(phases.id, row.id))
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "phase",
      entityId: row.id,
      action: "updated",
      version: written.version,
      changes: { decision: { from: null, to: input.decision }, gate: row.gateTitle, notes: input.notes },
    });
    const people = await loadPeople(tx, [actor.userId]);
    return { phase: await presentPhase(tx, written), snapshot: toSnapshot(snapshot, people) };
  });
}
