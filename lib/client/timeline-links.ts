import { useMutation, useQueryClient } from "@tanstack/react-query";
import { timeline as endpoints } from "@/lib/validation/routes";
import type { CreateDependencyInput, Dependency } from "@/lib/validation/timeline";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";
import { patchBoard, readBoard, refreshSchedule, withDependency } from "./timeline";

let nextTemporaryId = 1;

/** Draws the link at once; a refused link (a cycle, say) disappears again and the caller shows why. */
export function useCreateDependency(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ dependency: Dependency }, ApiError, CreateDependencyInput, { temporaryId: string }>({
    mutationFn: (body) => callEndpoint(endpoints.createDependency, { params: { roadmapId }, body }),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.board(roadmapId) });
      const temporaryId = `pending-link-${nextTemporaryId++}`;
      patchBoard(queryClient, roadmapId, (board) =>
        withDependency(board, { id: temporaryId, roadmapId, lagDays: 0, ...input }),
      );
      return { temporaryId };
    },
    onSuccess: ({ dependency }, _input, { temporaryId }) =>
      patchBoard(queryClient, roadmapId, (board) => withDependency(board, dependency, temporaryId)),
    onError: (_error, _input, context) => {
      if (!context) return;
      patchBoard(queryClient, roadmapId, (board) => ({
        ...board,
        dependencies: board.dependencies.filter((d) => d.id !== context.temporaryId),
      }));
    },
    onSettled: () => refreshSchedule(queryClient, roadmapId),
  });
}

export function useDeleteDependency(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { dependencyId: string }, Dependency | undefined>({
    mutationFn: ({ dependencyId }) => {
      if (dependencyId.startsWith("pending-link-")) {
        return Promise.reject(
          new ApiError(409, "pending", "This link is still being saved; try again in a moment."),
        );
      }
      return callEndpoint(endpoints.deleteDependency, { params: { dependencyId } });
    },
    onMutate: async ({ dependencyId }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.board(roadmapId) });
      const before = readBoard(queryClient, roadmapId)?.dependencies.find((d) => d.id === dependencyId);
      patchBoard(queryClient, roadmapId, (board) => ({
        ...board,
        dependencies: board.dependencies.filter((d) => d.id !== dependencyId),
      }));
      return before;
    },
    onError: (error, _vars, before) => {
      if (before && error.status !== 404)
        patchBoard(queryClient, roadmapId, (board) => withDependency(board, before));
    },
    onSettled: () => refreshSchedule(queryClient, roadmapId),
  });
}
