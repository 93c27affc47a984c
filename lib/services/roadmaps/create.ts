import type { Database } from "@/db/types";
import { roadmaps } from "@/db/schema";
import { HORIZON, type CreateRoadmapInput, type Roadmap } from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { toRoadmap } from "./rows";
import { checkHorizon } from "./checks";

export async function createRoadmap(
  db: Database,
  actor: Actor,
  teamId: string,
  input: CreateRoadmapInput,
): Promise<Roadmap> {
  await requirePermission(db, actor, teamId, "roadmap.write");
  const horizonMonths = input.horizonMonths ?? HORIZON.default;
  checkHorizon(horizonMonths);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roadmaps)
      .values({
        teamId,
        title: input.title,
        description: input.description || null,
        startDate: input.startDate,
        horizonMonths,
        status: input.status ?? "draft",
        createdBy: actor.userId,
      })
      .returning();
    await recordRoadmapChange(tx, actor, row, {
      entity: "roadmap",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: { title: row.title },
    });
    return toRoadmap(row);
  });
}
