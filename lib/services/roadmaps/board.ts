import type { Database } from "@/db/types";
import { computeSchedule, CycleError, type Schedule } from "@/lib/planning/schedule";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import type { Role } from "@/lib/validation/common";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Dependency, Item, Workstream } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadFeedback } from "@/lib/services/comments/verdicts";
import { AppError } from "@/lib/services/kernel/errors";
import { loadDependenciesInOneRead, loadItemsInOneRead } from "@/lib/services/items/one-read";
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
  // Every query at once: the links are read beside the items and filtered by them afterwards. Items
  // and links come as one JSON text each, built in the database (one JSON.parse beats the driver's
  // row-by-row mapping several times over at 1,000 items).
  const loadingItems = loadItemsInOneRead(db, roadmap.id);
  const liveIds = loadingItems.then((list) => new Set(list.map((i) => i.id)));
  const [workstreams, items, feedbackByItem, dependencies, itemIds] = await Promise.all([
    listWorkstreams(db, roadmap.id),
    loadingItems,
    loadFeedback(db, roadmap.id),
    loadDependenciesInOneRead(db, roadmap.id, liveIds),
    liveIds,
  ]);
  const feedback = Object.fromEntries([...feedbackByItem].filter(([itemId]) => itemIds.has(itemId)));
  return { roadmap: toRoadmap(roadmap), seq: roadmap.seq, workstreams, items, dependencies, feedback };
}

/** The whole board of a roadmap: what the timeline draws, with every version for If-Match. */
export async function getBoard(db: Database, actor: Actor, roadmapId: string): Promise<Board> {
  return boardFor(db, await accessRoadmap(db, actor, roadmapId, "team.read"));
}

/** The board for a reader whose access was checked just now (accessRoadmap, roadmapReadStamp). */
export async function boardFor(db: Database, access: { roadmap: RoadmapRow; role: Role }): Promise<Board> {
  const {
    roadmap: shown,
    seq,
    workstreams,
    items,
    dependencies,
    feedback,
  } = await loadBoard(db, access.roadmap);
  return { roadmap: shown, role: access.role, seq, workstreams, items, dependencies, feedback };
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
  return (await scheduleFor(db, await accessRoadmap(db, actor, roadmapId, "team.read"))).schedule;
}

/** The schedule for a reader whose access was checked just now, with its sequence number. */
export async function scheduleFor(
  db: Database,
  access: { roadmap: RoadmapRow; role: Role },
): Promise<{ seq: number; schedule: Schedule }> {
  const board = await boardFor(db, access);
  return { seq: board.seq, schedule: scheduleOf(board) };
}
