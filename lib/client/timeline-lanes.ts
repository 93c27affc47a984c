import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { timeline as endpoints } from "@/lib/validation/routes";
import type { Workstream } from "@/lib/validation/timeline";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";
import { patchBoard, readBoard, refreshSchedule, withLane, type Board } from "./timeline";

function laneOf(board: Board | undefined, laneId: string): Workstream | undefined {
  return board?.workstreams.find((w) => w.id === laneId);
}

const goneLane = () =>
  new ApiError(404, "not_found", "This lane no longer exists; someone may have removed it.");

export function useCreateLane(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ workstream: Workstream }, ApiError, { name: string }>({
    mutationFn: (body) => callEndpoint(endpoints.createWorkstream, { params: { roadmapId }, body }),
    onSuccess: ({ workstream }) => patchBoard(queryClient, roadmapId, (board) => withLane(board, workstream)),
  });
}

/** Renames at once on screen; a refusal restores the old name (or, on 412, the current one). */
export function useRenameLane(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<
    { workstream: Workstream },
    ApiError,
    { laneId: string; name: string },
    Workstream | undefined
  >({
    scope: { id: `roadmap-lanes:${roadmapId}` },
    mutationFn: ({ laneId, name }) => {
      const lane = laneOf(readBoard(queryClient, roadmapId), laneId);
      if (!lane) return Promise.reject(goneLane());
      return callEndpoint(endpoints.updateWorkstream, {
        params: { workstreamId: laneId },
        body: { name },
        ifMatch: lane.version,
      });
    },
    onMutate: async ({ laneId, name }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.board(roadmapId) });
      const before = laneOf(readBoard(queryClient, roadmapId), laneId);
      if (before) patchBoard(queryClient, roadmapId, (board) => withLane(board, { ...before, name }));
      return before;
    },
    onSuccess: ({ workstream }) => patchBoard(queryClient, roadmapId, (board) => withLane(board, workstream)),
    onError: (error, _vars, before) => {
      const current = error.status === 412 ? (error.current as Workstream | undefined) : undefined;
      const restore = current ?? before;
      if (restore) patchBoard(queryClient, roadmapId, (board) => withLane(board, restore));
    },
  });
}

/** The position writes that put the lanes in `order` (0, 1, 2...): only lanes whose position changes. */
export function laneMoves(board: Board, order: string[]): Array<{ laneId: string; position: number }> {
  return order
    .map((laneId, position) => ({ laneId, position }))
    .filter(({ laneId, position }) => laneOf(board, laneId)?.position !== position);
}

/** Puts the lanes in a new order (a move up or down writes two lanes), at once on screen. */
export function useReorderLanes(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<
    Workstream[],
    ApiError,
    { order: string[]; moves: Array<{ laneId: string; position: number }> },
    Workstream[] | undefined
  >({
    scope: { id: `roadmap-lanes:${roadmapId}` },
    mutationFn: async ({ moves }) => {
      const saved: Workstream[] = [];
      for (const { laneId, position } of moves) {
        const lane = laneOf(readBoard(queryClient, roadmapId), laneId);
        if (!lane) throw goneLane();
        const { workstream } = await callEndpoint(endpoints.updateWorkstream, {
          params: { workstreamId: laneId },
          body: { position },
          ifMatch: lane.version,
        });
        saved.push(workstream);
        patchBoard(queryClient, roadmapId, (b) => withLane(b, workstream));
      }
      return saved;
    },
    onMutate: async ({ order }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.board(roadmapId) });
      const before = readBoard(queryClient, roadmapId)?.workstreams;
      patchBoard(queryClient, roadmapId, (board) => ({
        ...board,
        workstreams: order
          .map((id, position) => {
            const lane = laneOf(board, id);
            return lane ? { ...lane, position } : null;
          })
          .filter((l): l is Workstream => l !== null),
      }));
      return before;
    },
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.board(roadmapId) }),
  });
}

/** Removes an empty lane; the API refuses a lane with items (422 workstream_not_empty) and it comes back. */
export function useDeleteLane(roadmapId: string) {
  const queryClient = useQueryClient();
  // The lane leaves the screen at once; its version is kept here for the DELETE that follows.
  const [removing] = useState(() => new Map<string, Workstream>());
  return useMutation<unknown, ApiError, { laneId: string }, Workstream | undefined>({
    scope: { id: `roadmap-lanes:${roadmapId}` },
    mutationFn: ({ laneId }) => {
      const lane = laneOf(readBoard(queryClient, roadmapId), laneId) ?? removing.get(laneId);
      if (!lane) return Promise.reject(goneLane());
      return callEndpoint(endpoints.deleteWorkstream, {
        params: { workstreamId: laneId },
        ifMatch: lane.version,
      });
    },
    onMutate: async ({ laneId }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.board(roadmapId) });
      const board = readBoard(queryClient, roadmapId);
      const before = laneOf(board, laneId);
      if (before) removing.set(laneId, before);
      // A lane with items will be refused (422): leave it on screen rather than flash its items away.
      if (board?.items.some((i) => i.workstreamId === laneId)) return before;
      patchBoard(queryClient, roadmapId, (board) => ({
        ...board,
        workstreams: board.workstreams.filter((w) => w.id !== laneId),
      }));
      return before;
    },
    onSettled: (_data, _error, { laneId }) => {
      removing.delete(laneId);
      return refreshSchedule(queryClient, roadmapId);
    },
    onError: (error, _vars, before) => {
      const current = error.status === 412 ? (error.current as Workstream | undefined) : undefined;
      const restore = current ?? before;
      if (restore && error.status !== 404)
        patchBoard(queryClient, roadmapId, (board) => withLane(board, restore));
    },
  });
}
