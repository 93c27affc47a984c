import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { versionMismatch } from "@/lib/services/kernel/errors";
import { recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { writePhase } from "./checks";
import { presentPhase } from "./rows";

export async function deletePhase(db: Database, actor: Actor, phaseId: string, expectedVersion: number) {
  await writePhase(db, actor, phaseId, async (tx, roadmap, row) => {
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
