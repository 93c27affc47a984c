import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateTimeEntryInput, TimeEntry } from "@/lib/validation/learning";
import { learning as endpoints } from "@/lib/validation/routes";
import { ApiError, callEndpoint } from "./api";

export type { CreateTimeEntryInput, TimeEntry };

/** Under the roadmap's key, so that its live events (an item cut or deleted) refresh the list too. */
const entriesKey = (roadmapId: string, itemId: string) =>
  ["roadmap", roadmapId, "item", itemId, "time-entries"] as const;

/** The hours logged on a feature, newest day first, with their total. */
export function useTimeEntries(roadmapId: string, itemId: string) {
  return useQuery({
    queryKey: entriesKey(roadmapId, itemId),
    queryFn: ({ signal }) => callEndpoint(endpoints.listTimeEntries, { params: { itemId }, signal }),
  });
}

export function useCreateTimeEntry(roadmapId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ timeEntry: TimeEntry }, ApiError, CreateTimeEntryInput>({
    mutationFn: (body) => callEndpoint(endpoints.createTimeEntry, { params: { itemId }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: entriesKey(roadmapId, itemId) }),
  });
}

export function useDeleteTimeEntry(roadmapId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (timeEntryId) => callEndpoint(endpoints.deleteTimeEntry, { params: { timeEntryId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: entriesKey(roadmapId, itemId) }),
  });
}
