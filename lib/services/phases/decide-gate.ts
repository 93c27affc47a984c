import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases } from "@/db/schema";
import type { Snapshot } from "@/lib/validation/communication";
import type { GateDecisionInput, Phase } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { takeSnapshot, toSnapshot } from "@/lib/services/snapshots/take";
import { loadPeople } from "@/lib/services/teams/people";
import { queueWebhookEvent, roadmapEvent } from "@/lib/services/webhooks/events";
import { writePhase } from "./checks";
import { presentPhase } from "./rows";

/** Records the gate's go/no-go decision once, with a snapshot of the roadmap as decided on. */
export async function decideGate(
  db: Database,
  actor: Actor,
  phaseId: string,
  input: GateDecisionInput,
): Promise<{ phase: Phase; snapshot: Snapshot }> {
  return writePhase(db, actor, phaseId, async (tx, roadmap, row) => {
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
    await queueWebhookEvent(
      tx,
      roadmap.teamId,
      roadmapEvent("gate.decided", roadmap, `Gate “${row.gateTitle}”: ${input.decision}`, {
        phaseId: row.id,
        decision: input.decision,
        notes: input.notes ?? null,
      }),
    );
    const people = await loadPeople(tx, [actor.userId]);
    return { phase: await presentPhase(tx, written), snapshot: toSnapshot(snapshot, people) };
  });
}
