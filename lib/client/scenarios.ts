import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { replanning as endpoints } from "@/lib/validation/routes";
import type { Scenario, ScenarioComparison, ScenarioConflict } from "@/lib/validation/phases";
import { listOf } from "./conflicts";
import { ApiError, callEndpoint, type EndpointResponse } from "./api";
import { queryKeys } from "./query-keys";

export type { Scenario, ScenarioComparison, ScenarioConflict };
export type ApplyScenarioResult = EndpointResponse<typeof endpoints.applyScenario>;

/**
 * Keys under the BASE roadmap's, so that its live events refresh them: a scenario someone else
 * makes joins the list, and a comparison follows the live plan as it moves on.
 */
/** What-if scenarios of a roadmap, open ones first. */
export function useScenarios(baseId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.scenarios(baseId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listScenarios, { params: { roadmapId: baseId }, signal }).then((r) => r.items),
    enabled: options.enabled ?? true,
  });
}

/** The scenario against its base now (diff, finish, key milestones, staffing gaps, conflicts). */
export function useScenarioComparison(baseId: string, scenarioId: string) {
  return useQuery({
    queryKey: queryKeys.scenarioCompare(baseId, scenarioId),
    queryFn: ({ signal }) => callEndpoint(endpoints.compareScenario, { params: { scenarioId }, signal }),
    // A scenario of another roadmap or team will not appear by asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

function refreshScenarios(queryClient: QueryClient, baseId: string, scenarioId?: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.roadmap(baseId) }),
    ...(scenarioId ? [queryClient.invalidateQueries({ queryKey: queryKeys.roadmap(scenarioId) })] : []),
  ]);
}

export function useCreateScenario(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation<Scenario, ApiError, { name: string }>({
    mutationFn: (body) =>
      callEndpoint(endpoints.createScenario, { params: { roadmapId: baseId }, body }).then((r) => r.scenario),
    onSuccess: (scenario) =>
      queryClient.setQueryData<Scenario[]>(queryKeys.scenarios(baseId), (old) =>
        old ? [scenario, ...old.filter((s) => s.roadmap.id !== scenario.roadmap.id)] : old,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(baseId) }),
  });
}

/** Applies with If-Match = the base's version the comparison was read at; see applyFailure. */
export function useApplyScenario(baseId: string, scenarioId: string) {
  const queryClient = useQueryClient();
  return useMutation<ApplyScenarioResult, ApiError, { baseVersion: number }>({
    mutationFn: ({ baseVersion }) =>
      callEndpoint(endpoints.applyScenario, { params: { scenarioId }, ifMatch: baseVersion }),
    onSettled: () => refreshScenarios(queryClient, baseId, scenarioId),
  });
}

export function useDiscardScenario(baseId: string, scenarioId: string) {
  const queryClient = useQueryClient();
  return useMutation<Scenario, ApiError, void>({
    mutationFn: () =>
      callEndpoint(endpoints.discardScenario, { params: { scenarioId } }).then((r) => r.scenario),
    onSettled: () => refreshScenarios(queryClient, baseId, scenarioId),
  });
}

/** Why an apply was refused, in the terms the page shows it. */
export type ApplyFailure =
  | { kind: "conflicts"; conflicts: ScenarioConflict[]; message: string }
  | { kind: "stale"; message: string }
  | { kind: "closed"; message: string }
  | { kind: "other"; message: string };

export function applyFailure(error: unknown): ApplyFailure {
  if (!(error instanceof ApiError)) return { kind: "other", message: "The scenario could not be applied." };
  if (error.status === 409 && error.code === "scenario_conflict") {
    const raw = (error.details as { conflicts?: unknown } | undefined)?.conflicts;
    const conflicts = listOf<ScenarioConflict>(raw, {
      entity: "string",
      id: "string",
      title: "string",
      field: "string",
    });
    return { kind: "conflicts", conflicts, message: error.message };
  }
  if (error.status === 412)
    return {
      kind: "stale",
      message:
        "The live roadmap changed since this comparison was made. Reload the comparison and check it again.",
    };
  if (error.status === 409 && error.code === "scenario_closed")
    return { kind: "closed", message: error.message };
  return { kind: "other", message: error.message };
}

export const SCENARIO_STATUS_LABEL: Record<Scenario["status"], string> = {
  open: "Open",
  applied: "Applied",
  discarded: "Discarded",
};
