import type { Database } from "@/db/types";
import type { Risk } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { loadRisks } from "./rows";

export async function listRisks(db: Database, actor: Actor, roadmapId: string): Promise<Risk[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  return loadRisks(db, roadmapId);
}
