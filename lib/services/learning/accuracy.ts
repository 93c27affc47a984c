import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { skills, teams } from "@/db/schema";
import { estimateAccuracy } from "@/lib/planning/estimate-accuracy";
import type { AccuracyGrouping, EstimateAccuracy } from "@/lib/validation/learning";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { loadPeople } from "@/lib/services/teams/people";
import { loadDoneFeatures } from "./done-features";

/** Estimate accuracy of the roadmap's team: its done features across all its roadmaps (members). */
export async function getEstimateAccuracy(
  db: Database,
  actor: Actor,
  roadmapId: string,
  by: AccuracyGrouping,
): Promise<EstimateAccuracy> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  const [features, [team], skillRows] = await Promise.all([
    loadDoneFeatures(db, roadmap.teamId),
    db.select({ name: teams.name }).from(teams).where(eq(teams.id, roadmap.teamId)),
    db.select({ id: skills.id, name: skills.name }).from(skills).where(eq(skills.teamId, roadmap.teamId)),
  ]);
  const people = await loadPeople(
    db,
    features.map((f) => f.ownerId),
  );
  return estimateAccuracy({
    features,
    by,
    labels: {
      team: team.name,
      skills: new Map(skillRows.map((s) => [s.id, s.name])),
      people: new Map([...people].map(([id, p]) => [id, p.name])),
    },
  });
}
