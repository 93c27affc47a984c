import type { Database } from "@/db/types";
import { phases } from "@/db/schema";
import type { CreatePhaseInput, Phase } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { checkSpan } from "./checks";
import { presentPhase } from "./rows";

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
