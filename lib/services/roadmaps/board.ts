import type { Database } from "@/db/types";
import { computeSchedule, CycleError, type Schedule } from "@/lib/planning/schedule";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import type { Role } from "@/lib/validation/common";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Dependency, Item, Workstream } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadFeedback } from "@/lib/services/comments/verdicts";
import { loadDependencies } from "@/lib/services/dependencies/edges";
import { AppError } from "@/lib/services/kernel/errors";
import { loadItems } from "@/lib/services/items/rows";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { toRoadmap } from "./rows";
import { listWorkstreams } from "@/lib/services/workstreams/workstreams";

export interface Board {
  roadmap: Roadmap;
  role: Role;
  /** The change-log position the board reflects (read before the rest, so never ahead of it). */
  seq: number;
  workstreams: Workstream[];
  items: Item[];
  dependencies: Dependency[];
  /** Comment and verdict counts of the items that have live comments. */
  feedback: Record<string, FeedbackSummary>;
}

/** A board as loaded, without the reader's role. */
export type BoardContent = Omit<Board, "role">;

/**
 * The board of a roadmap whose access the caller has checked (or that needs none, as a share
 * link's view): lanes, live items, their links and feedback counts.
 */
export async function loadBoard(db: Database, roadmap: RoadmapRow): Promise<BoardContent> {
  const [workstreams, items, feedbackByItem] = await Promise.all([
    listWorkstreams(db, roadmap.id),
    loadItems(db, roadmap.id),
    loadFeedback(db, roadmap.id),
  ]);
  const itemIds = new Set(items.map((i) => i.id));
  const dependencies = await loadDependencies(db, roadmap.id, itemIds);
  const feedback = Object.fromEntries([...feedbackByItem].filter(([itemId]) => itemIds.has(itemId)));
  return { roadmap: toRoadmap(roadmap), seq: roadmap.seq, workstreams, items, dependencies, feedback };
}

/** The whole board of a roadmap: what the timeline draws, with every version for If-Match. */
export async function getBoard(db: Database, actor: Actor, roadmapId: string): Promise<Board> {
  const { roadmap, role } = await accessRoadmap(db, actor, roadmapId, "team.read");
  const { roadmap: shown, seq, workstreams, items, dependencies, feedback } = await loadBoard(db, roadmap);
  return { roadmap: shown, role, seq, workstreams, items, dependencies, feedback };
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
  return (await getScheduleAt(db, actor, roadmapId)).schedule;
}

/** The schedule with the change-log position it reflects (what names it in a cache). */
export async function getScheduleAt(
  db: Database,
  actor: Actor,
  roadmapId: string,
): Promise<{ seq: number; schedule: Schedule }> {
  const board = await getBoard(db, actor, roadmapId);
  return { seq: board.seq, schedule: scheduleOf(board) };
}
