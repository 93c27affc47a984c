"use client";

import type { Board } from "@/lib/client/timeline";
import {
  laneMoves,
  useCreateLane,
  useDeleteLane,
  useRenameLane,
  useReorderLanes,
} from "@/lib/client/timeline-lanes";
import type { LaneDialogActions } from "./lane-dialog";

/** Lanes: add, rename, move up or down, remove; each announces what happened, failures reject. */
export function useLaneActions(
  board: Board,
  announce: (text: string) => void,
  addItem: (laneId: string) => void,
): LaneDialogActions {
  const roadmapId = board.roadmap.id;
  const createLane = useCreateLane(roadmapId);
  const renameLane = useRenameLane(roadmapId);
  const reorderLanes = useReorderLanes(roadmapId);
  const deleteLane = useDeleteLane(roadmapId);

  return {
    addItem,
    async create(name) {
      await createLane.mutateAsync({ name });
      announce(`Added the lane “${name}”.`);
    },
    async rename(laneId, name) {
      await renameLane.mutateAsync({ laneId, name });
      announce(`Renamed the lane to “${name}”.`);
    },
    async move(laneId, by) {
      const order = [...board.workstreams].sort((a, b) => a.position - b.position).map((w) => w.id);
      const from = order.indexOf(laneId);
      const to = from + by;
      if (from === -1 || to < 0 || to >= order.length) return;
      [order[from], order[to]] = [order[to], order[from]];
      await reorderLanes.mutateAsync({ order, moves: laneMoves(board, order) });
      const name = board.workstreams.find((w) => w.id === laneId)?.name ?? "The lane";
      announce(`“${name}” is now lane ${to + 1} of ${order.length}.`);
    },
    async remove(laneId) {
      const name = board.workstreams.find((w) => w.id === laneId)?.name ?? "the lane";
      await deleteLane.mutateAsync({ laneId });
      announce(`Removed the lane “${name}”.`);
    },
  };
}
