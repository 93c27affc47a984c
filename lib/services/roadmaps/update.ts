import type { Database } from "@/db/types";
import { horizonEnd } from "@/lib/planning/calendar";
import { type Roadmap, type UpdateRoadmapInput } from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, diffFields } from "@/lib/services/kernel/roadmap-access";
import { toRoadmap } from "./rows";
import { checkHorizon, itemsOutside } from "./checks";
import { writeRoadmap } from "./write";

export async function updateRoadmap(
  db: Database,
  actor: Actor,
  roadmapId: string,
  expectedVersion: number,
  input: UpdateRoadmapInput,
): Promise<Roadmap> {
  await accessRoadmap(db, actor, roadmapId, "roadmap.write");
  if (input.horizonMonths !== undefined) checkHorizon(input.horizonMonths);
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    if (roadmap.version !== expectedVersion) throw versionMismatch("roadmap", toRoadmap(roadmap));
    const startDate = input.startDate ?? roadmap.startDate;
    const months = input.horizonMonths ?? roadmap.horizonMonths;
    if (input.startDate !== undefined || input.horizonMonths !== undefined) {
      const outside = await itemsOutside(tx, roadmapId, startDate, horizonEnd(startDate, months));
      if (outside.length > 0) {
        throw new AppError(
          "outside_horizon",
          `${outside.length === 20 ? "At least 20" : outside.length} item${outside.length === 1 ? "" : "s"} would fall outside the new horizon (first: "${outside[0].title}"). Move them first, or choose a longer horizon.`,
          { details: { itemIds: outside.map((o) => o.id) } },
        );
      }
    }
    return writeRoadmap(tx, actor, roadmapId, expectedVersion, {
      set: input,
      action: "updated",
      changes: diffFields(roadmap, input),
    });
  });
}
