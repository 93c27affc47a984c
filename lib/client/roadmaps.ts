import { useMutation, useQueryClient } from "@tanstack/react-query";
import { timeline as endpoints } from "@/lib/validation/routes";
import type { CreateRoadmapInput, Roadmap, UpdateRoadmapInput } from "@/lib/validation/roadmaps";
import { HORIZON } from "@/lib/validation/roadmap-kinds";
import { callEndpoint, type ApiError } from "./api";
import { patchBoard, refreshSchedule } from "./timeline";

export function useCreateRoadmap(teamId: string) {
  return useMutation<{ roadmap: Roadmap }, ApiError, CreateRoadmapInput>({
    mutationFn: (body) => callEndpoint(endpoints.createRoadmap, { params: { teamId }, body }),
  });
}

/** PATCH with If-Match: the version the user's form was based on; a 412 puts the current roadmap in the cache. */
export function useUpdateRoadmap(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ roadmap: Roadmap }, ApiError, { patch: UpdateRoadmapInput; version: number }>({
    mutationFn: ({ patch, version }) =>
      callEndpoint(endpoints.updateRoadmap, { params: { roadmapId }, body: patch, ifMatch: version }),
    onSuccess: ({ roadmap }) => patchBoard(queryClient, roadmapId, (board) => ({ ...board, roadmap })),
    onError: (error) => {
      const current = error.status === 412 ? (error.current as Roadmap | undefined) : undefined;
      if (current) patchBoard(queryClient, roadmapId, (board) => ({ ...board, roadmap: current }));
    },
    onSettled: () => refreshSchedule(queryClient, roadmapId),
  });
}

export function useDeleteRoadmap(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ roadmap: Roadmap }, ApiError, { version: number }>({
    mutationFn: ({ version }) =>
      callEndpoint(endpoints.deleteRoadmap, { params: { roadmapId }, ifMatch: version }),
    onError: (error) => {
      const current = error.status === 412 ? (error.current as Roadmap | undefined) : undefined;
      if (current) patchBoard(queryClient, roadmapId, (board) => ({ ...board, roadmap: current }));
    },
  });
}

/**
 * Undo for a deleted roadmap. A plain call rather than a hook: the undo is offered on the page the
 * user lands on after deleting, where the roadmap's components are no longer mounted.
 */
export function restoreRoadmap(roadmapId: string): Promise<{ roadmap: Roadmap }> {
  return callEndpoint(endpoints.restoreRoadmap, { params: { roadmapId } });
}

export type HorizonAdvice = { tone: "ok" } | { tone: "warning" | "error"; message: string };

/** What to tell the user about a horizon before they send it (the server enforces 3-36 with a 422). */
export function horizonAdvice(months: number): HorizonAdvice {
  if (!Number.isInteger(months)) return { tone: "error", message: "Use a whole number of months." };
  if (months < HORIZON.min || months > HORIZON.max)
    return {
      tone: "error",
      message: `Cairn plans ${HORIZON.min} to ${HORIZON.max} months ahead; ${months} months is outside that range.`,
    };
  if (months < HORIZON.recommendedMin || months > HORIZON.recommendedMax)
    return {
      tone: "warning",
      message: `${months} months is outside the recommended ${HORIZON.recommendedMin}–${HORIZON.recommendedMax}: ${
        months < HORIZON.recommendedMin
          ? "a short horizon hides the dependencies and hiring that take longest."
          : "beyond 18 months, dates are guesses; consider a theme-level plan for the far end."
      }`,
    };
  return { tone: "ok" };
}
