import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import { timeline as endpoints } from "@/lib/validation/routes";
import type { Dependency, Item, ScheduleResult, Workstream } from "@/lib/validation/timeline";
import { callEndpoint, type EndpointResponse } from "./api";
import { queryKeys } from "./query-keys";

/** What GET /api/roadmaps/:id answers: the roadmap, the caller's role, lanes, items and links. */
export type Board = EndpointResponse<typeof endpoints.getBoard>;
export type Schedule = ScheduleResult;

export function useBoard(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.board(roadmapId),
    queryFn: ({ signal }) => callEndpoint(endpoints.getBoard, { params: { roadmapId }, signal }),
  });
}

/** The CPM schedule; refetched after every change, showing the previous answer meanwhile. */
export function useSchedule(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.schedule(roadmapId),
    queryFn: ({ signal }) => callEndpoint(endpoints.getSchedule, { params: { roadmapId }, signal }),
    placeholderData: keepPreviousData,
  });
}

// --- cache helpers shared by the timeline's mutations ---------------------------------------

export function readBoard(queryClient: QueryClient, roadmapId: string): Board | undefined {
  return queryClient.getQueryData<Board>(queryKeys.board(roadmapId));
}

export function patchBoard(queryClient: QueryClient, roadmapId: string, change: (board: Board) => Board) {
  queryClient.setQueryData<Board>(queryKeys.board(roadmapId), (old) => (old ? change(old) : old));
}

export function findItem(queryClient: QueryClient, roadmapId: string, itemId: string): Item | undefined {
  return readBoard(queryClient, roadmapId)?.items.find((i) => i.id === itemId);
}

export function withItem(board: Board, item: Item): Board {
  const index = board.items.findIndex((i) => i.id === item.id);
  const items = board.items.slice();
  if (index === -1) items.push(item);
  else items[index] = item;
  return { ...board, items };
}

export function withoutItem(board: Board, itemId: string): Board {
  return {
    ...board,
    items: board.items.filter((i) => i.id !== itemId),
    dependencies: board.dependencies.filter((d) => d.fromId !== itemId && d.toId !== itemId),
  };
}

export function withLane(board: Board, lane: Workstream): Board {
  const index = board.workstreams.findIndex((w) => w.id === lane.id);
  const workstreams = board.workstreams.slice();
  if (index === -1) workstreams.push(lane);
  else workstreams[index] = lane;
  workstreams.sort((a, b) => a.position - b.position);
  return { ...board, workstreams };
}

export function withDependency(board: Board, dependency: Dependency, replacesId?: string): Board {
  const dependencies = board.dependencies.filter((d) => d.id !== dependency.id && d.id !== replacesId);
  dependencies.push(dependency);
  return { ...board, dependencies };
}

/** Every change moves the critical path: ask the server for the schedule again. */
export function refreshSchedule(queryClient: QueryClient, roadmapId: string) {
  return queryClient.invalidateQueries({ queryKey: queryKeys.schedule(roadmapId) });
}
