import { notFound } from "next/navigation";
import { cache } from "react";
import { loadForPage, requirePageActor } from "@/lib/server/session";
import { isUuid } from "@/lib/server/uuid";
import { getBoard } from "@/lib/services/roadmaps/board";
import { AppError } from "@/lib/services/kernel/errors";
import { listMembers } from "@/lib/services/teams/members";
import { getTeam } from "@/lib/services/teams/teams";

/**
 * What every page of a roadmap needs, once per request (metadata and page both ask): the signed-in
 * user, the board (roadmap, role, lanes, items, links), its team and the members. A roadmap the
 * user cannot see is the 404 page, like the API's 404.
 */
export const loadRoadmapPage = cache(async (roadmapId: string, path: string) => {
  if (!isUuid(roadmapId)) notFound();
  const { actor, db } = await requirePageActor(path);
  const board = await loadForPage(() => getBoard(db, actor, roadmapId));
  const [{ team }, members] = await Promise.all([
    loadForPage(() => getTeam(db, actor, board.roadmap.teamId)),
    listMembers(db, actor, board.roadmap.teamId),
  ]);
  return { actor, db, board, team, members };
});

/**
 * A read for the first paint that the page can do without: a refusal the API would also give
 * (a domain rule, e.g. a plan the maths cannot work out) leaves it to the browser, which shows the
 * message with "Try again".
 */
export async function prefetchOrSkip<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}
