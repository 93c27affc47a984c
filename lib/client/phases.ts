import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { replanning as endpoints } from "@/lib/validation/routes";
import type { CreatePhaseInput, GateDecisionInput, Phase, UpdatePhaseInput } from "@/lib/validation/phases";
import { currentOf } from "./conflicts";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";

export type { Phase };

/** Under the roadmap's key, so that live events refresh it (see live-cache.ts). */
/** The roadmap's phases in order, with gates, decisions and replanning marks. */
export function usePhases(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.phases(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listPhases, { params: { roadmapId }, signal }).then((r) => r.items),
  });
}

/** The phase as it is now, from a 412 answer (sent bare or as {phase}). */
export function currentPhaseOf(error: unknown): Phase | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return currentOf<Phase>(error, "phase", { id: "string", version: "number", startDate: "string" });
}

/**
 * Phases, their hours (capacity byPhase and the ramp-up's phases), the activity log and the
 * snapshots (a decision takes one) all follow a phase write.
 */
function refreshPhases(queryClient: QueryClient, roadmapId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.phases(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.capacity(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.activity(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.snapshots(roadmapId) }),
  ]);
}

function putPhase(queryClient: QueryClient, roadmapId: string, phase: Phase) {
  queryClient.setQueryData<Phase[]>(queryKeys.phases(roadmapId), (old) =>
    old ? [...old.filter((p) => p.id !== phase.id), phase].sort((a, b) => a.position - b.position) : old,
  );
}

export function useCreatePhase(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Phase, ApiError, CreatePhaseInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.createPhase, { params: { roadmapId }, body }).then((r) => r.phase),
    onSettled: () => refreshPhases(queryClient, roadmapId),
  });
}

export interface PhaseChange {
  phaseId: string;
  /** The version the edit started from (If-Match). */
  version: number;
  patch: UpdatePhaseInput;
}

/** A 412 puts the phase as it is now in the cache, so the dialog can show it and offer to re-apply. */
export function useUpdatePhase(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Phase, ApiError, PhaseChange>({
    mutationFn: ({ phaseId, version, patch }) =>
      callEndpoint(endpoints.updatePhase, { params: { phaseId }, body: patch, ifMatch: version }).then(
        (r) => r.phase,
      ),
    onSuccess: (phase) => putPhase(queryClient, roadmapId, phase),
    onError: (error) => {
      const current = currentPhaseOf(error);
      if (current) putPhase(queryClient, roadmapId, current);
    },
    onSettled: () => refreshPhases(queryClient, roadmapId),
  });
}

export function useDeletePhase(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { phaseId: string; version: number }>({
    mutationFn: ({ phaseId, version }) =>
      callEndpoint(endpoints.deletePhase, { params: { phaseId }, ifMatch: version }),
    onError: (error) => {
      const current = currentPhaseOf(error);
      if (current) putPhase(queryClient, roadmapId, current);
    },
    onSettled: () => refreshPhases(queryClient, roadmapId),
  });
}

/** Records the gate's decision (once; the server takes a snapshot). */
export function useDecideGate(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Phase, ApiError, { phaseId: string; body: GateDecisionInput }>({
    mutationFn: ({ phaseId, body }) =>
      callEndpoint(endpoints.decideGate, { params: { phaseId }, body }).then((r) => r.phase),
    onSuccess: (phase) => putPhase(queryClient, roadmapId, phase),
    onSettled: () => refreshPhases(queryClient, roadmapId),
  });
}
