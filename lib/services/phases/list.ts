import type { Database } from "@/db/types";
import type { Phase } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { loadPhases } from "./rows";

export async function listPhases(db: Database, actor: Actor, roadmapId: string): Promise<Phase[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  return loadPhases(db, roadmapId);
}
