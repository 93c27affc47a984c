import { useMutation, useQueryClient } from "@tanstack/react-query";
import { replanning as endpoints } from "@/lib/validation/routes";
import type { AutoScheduleResult } from "@/lib/validation/phases";
import { callEndpoint, type ApiError, type EndpointResponse } from "./api";
import { queryKeys } from "./query-keys";

export type { AutoScheduleResult };
export type UndoAutoScheduleResult = EndpointResponse<typeof endpoints.undoAutoSchedule>;

export interface AutoScheduleRequest {
  /** The features to move; omitted: the whole roadmap. */
  itemIds?: string[];
  followSuccessors: boolean;
  /** The roadmap's version the timeline shows (If-Match): a plan changed meanwhile is refused with 412. */
  version: number;
}

/** Many items move at once: the whole roadmap (board, schedule, capacity…) is read again. */
export function useAutoSchedule(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<AutoScheduleResult, ApiError, AutoScheduleRequest>({
    mutationFn: ({ itemIds, followSuccessors, version }) =>
      callEndpoint(endpoints.autoSchedule, {
        params: { roadmapId },
        body: { mode: "earliest", itemIds, followSuccessors },
        ifMatch: version,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.roadmap(roadmapId) }),
  });
}

export function useUndoAutoSchedule(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<UndoAutoScheduleResult, ApiError, { snapshotId: string }>({
    mutationFn: (body) => callEndpoint(endpoints.undoAutoSchedule, { params: { roadmapId }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.roadmap(roadmapId) }),
  });
}
