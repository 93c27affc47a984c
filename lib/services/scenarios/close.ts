import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { roadmaps } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { recordRoadmapChange, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";

/**
 * Marks an open scenario applied or discarded, and writes one entry in each roadmap's log ("applied
 * the scenario ..."); on the base, its event makes open pages reload the board. Inside the caller's
 * transaction, with both roadmaps locked (base first).
 */
export async function closeScenario(
  tx: Database,
  actor: Actor,
  rows: { base: RoadmapRow; scenario: RoadmapRow },
  status: "applied" | "discarded",
  details: Record<string, unknown> = {},
): Promise<RoadmapRow> {
  const { base, scenario } = rows;
  const [closed] = await tx
    .update(roadmaps)
    .set({ scenarioStatus: status, version: scenario.version + 1, updatedAt: new Date() })
    .where(eq(roadmaps.id, scenario.id))
    .returning();
  const change = {
    entity: "scenario" as const,
    entityId: scenario.id,
    action: "updated" as const,
    version: closed.version,
    changes: { status: { from: "open", to: status }, name: scenario.title, ...details },
  };
  await recordRoadmapChange(tx, actor, base, change);
  await recordRoadmapChange(tx, actor, scenario, change);
  return closed;
}
