// A roadmap's row as the API shows it, and how long a deleted one can come back.
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";

export const RESTORE_WINDOW_DAYS = 30;

export function toRoadmap(r: RoadmapRow): Roadmap {
  return {
    id: r.id,
    teamId: r.teamId,
    title: r.title,
    description: r.description,
    startDate: r.startDate,
    horizonMonths: r.horizonMonths,
    status: r.status,
    kind: r.kind,
    baseRoadmapId: r.baseRoadmapId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
