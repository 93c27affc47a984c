import type { Database } from "@/db/types";
import { risks } from "@/db/schema";
import type { CreateRiskInput, Risk } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { columnsOf, presentRisk, unique, writeItems } from "./rows";
import { checkItems, checkOwner } from "./checks";

export async function createRisk(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateRiskInput,
): Promise<Risk> {
  const itemIds = unique(input.itemIds) ?? [];
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    await checkItems(tx, roadmap, itemIds);
    await checkOwner(tx, roadmap, input.ownerId);
    const [row] = await tx
      .insert(risks)
      .values({
        ...columnsOf(input),
        roadmapId,
        title: input.title,
        kind: input.kind,
        likelihood: input.likelihood,
        impact: input.impact,
      })
      .returning();
    await writeItems(tx, row, itemIds);
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "risk",
      entityId: row.id,
      itemId: null,
      action: "created",
      version: row.version,
      changes: {
        title: row.title,
        kind: row.kind,
        likelihood: row.likelihood,
        impact: row.impact,
        status: row.status,
      },
    });
    return presentRisk(tx, row);
  });
}
