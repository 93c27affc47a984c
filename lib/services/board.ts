import type { Database } from "@/db/types";
import { computeSchedule, CycleError, type Schedule } from "@/lib/planning/schedule";
import type { Role } from "@/lib/validation/common";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Dependency, Item, Workstream } from "@/lib/validation/timeline";
import type { Actor } from "./actor";
import { loadDependencies } from "./dependencies";
import { AppError } from "./errors";
import { loadItems } from "./items";
import { accessRoadmap } from "./roadmap-access";
import { toRoadmap } from "./roadmaps";
import { listWorkstreams } from "./workstreams";

export interface Board {
  roadmap: Roadmap;
  role: Role;
  workstreams: Workstream[];
  items: Item[];
  dependencies: Dependency[];
}

/** The whole board of a roadmap: what the timeline draws, with every version for If-Match. */
export async function getBoard(db: Database, actor: Actor, roadmapId: string): Promise<Board> {
  const { roadmap, role } = await accessRoadmap(db, actor, roadmapId, "viewer");
  const [workstreams, items] = await Promise.all([listWorkstreams(db, roadmapId), loadItems(db, roadmapId)]);
  const dependencies = await loadDependencies(db, roadmapId, new Set(items.map((i) => i.id)));
  return { roadmap: toRoadmap(roadmap), role, workstreams, items, dependencies };
}

/**
 * CPM over the live items. Cut items are left out with their links: cutting work removes the
 * constraint it placed on what followed it.
 */
export function scheduleOf(board: Pick<Board, "roadmap" | "items" | "dependencies">): Schedule {
  const live = board.items.filter((i) => i.status !== "cut");
  const ids = new Set(live.map((i) => i.id));
  try {
    return computeSchedule({
      projectStart: board.roadmap.startDate,
      items: live,
      dependencies: board.dependencies.filter((d) => ids.has(d.fromId) && ids.has(d.toId)),
    });
  } catch (error) {
    // The write paths refuse cycles; one here means data arrived around them (e.g. a raw import).
    if (error instanceof CycleError) {
      throw new AppError(
        "dependency_cycle",
        "The roadmap's dependencies form a loop; remove one of the links named.",
        {
          details: { cycle: error.cycle },
        },
      );
    }
    throw error;
  }
}

export async function getSchedule(db: Database, actor: Actor, roadmapId: string): Promise<Schedule> {
  const board = await getBoard(db, actor, roadmapId);
  return scheduleOf(board);
}
