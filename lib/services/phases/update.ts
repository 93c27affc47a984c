import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases } from "@/db/schema";
import type { Phase, UpdatePhaseInput } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { versionMismatch } from "@/lib/services/kernel/errors";
import { diffFields, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { checkSpan, gateDecided, writePhase } from "./checks";
import { presentPhase } from "./rows";

export async function updatePhase(
  db: Database,
  actor: Actor,
  phaseId: string,
  expectedVersion: number,
  patch: UpdatePhaseInput,
): Promise<Phase> {
  return writePhase(db, actor, phaseId, async (tx, roadmap, row) => {
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
