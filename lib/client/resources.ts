import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { resources as endpoints } from "@/lib/validation/routes";
import {
  type Capacity,
  type CreateRiskInput,
  type PutStaffingInput,
  type Risk,
  type StaffingPlan,
  type UpdateRiskInput,
} from "@/lib/validation/resources";
import type { ForecastWithMethod as Forecast } from "@/lib/validation/learning";
import type { ForecastMethod } from "@/lib/validation/learning-kinds";
import { currentOf } from "./conflicts";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";

export type { Capacity, Forecast, Risk, StaffingPlan };

/** A risk this high (likelihood x impact) needs a contingency plan. */
export const HIGH_RISK_SCORE = 15;

// --- reads ----------------------------------------------------------------------------------------

export function useStaffing(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.staffing(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getStaffing, { params: { roadmapId }, signal }).then((r) => r.staffing),
  });
}

export function useCapacity(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.capacity(roadmapId),
    queryFn: ({ signal }) => callEndpoint(endpoints.getCapacity, { params: { roadmapId }, signal }),
  });
}

/** The risk register, highest score first. */
export function useRisks(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.risks(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listRisks, { params: { roadmapId }, signal }).then((r) => r.items),
    // Sorted here rather than in the fetch, so that the server-rendered list is ordered the same way.
    select: sortRisks,
  });
}

export interface ForecastParams {
  runs: number;
  seed: number;
  /** From the three-point estimates (the default) or resampled from the team's history. */
  method?: ForecastMethod;
}

/**
 * A Monte-Carlo forecast, run when `params` is set. The same seed gives the same answer, so an
 * answer stays until the plan changes: then it is marked stale (not re-run behind the user's back,
 * a large run takes seconds) and the page offers to run it again.
 */
export function useForecast(roadmapId: string, params: ForecastParams | null) {
  return useQuery({
    queryKey: queryKeys.forecast(roadmapId, params ?? { runs: 0, seed: 0 }),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getForecast, { params: { roadmapId }, query: params!, signal }),
    enabled: params !== null,
    // While another run is computed, the last answer stays on the page (marked as the old one).
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
  });
}

// --- cache helpers ---------------------------------------------------------------------------------

export function sortRisks(risks: Risk[]): Risk[] {
  return [...risks].sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.needsContingency) - Number(a.needsContingency) ||
      a.title.localeCompare(b.title),
  );
}

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** As the server decides it: a high score, no contingency plan, and not closed. */
export function needsContingency(
  risk: Pick<Risk, "likelihood" | "impact" | "contingency" | "status">,
): boolean {
  return (
    riskScore(risk.likelihood, risk.impact) >= HIGH_RISK_SCORE &&
    !risk.contingency?.trim() &&
    risk.status !== "closed"
  );
}

/**
 * After any change to staffing, risks or the items they rest on: capacity, staffing and risks are
 * read again; forecasts are only marked stale (see useForecast).
 */
export function refreshResources(queryClient: QueryClient, roadmapId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.staffing(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.capacity(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.risks(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.forecast(roadmapId), refetchType: "none" }),
    queryClient.invalidateQueries({ queryKey: queryKeys.activity(roadmapId) }),
  ]);
}

function patchRisks(queryClient: QueryClient, roadmapId: string, change: (risks: Risk[]) => Risk[]) {
  queryClient.setQueryData<Risk[]>(queryKeys.risks(roadmapId), (old) => (old ? sortRisks(change(old)) : old));
}

function withRisk(risks: Risk[], risk: Risk): Risk[] {
  return [...risks.filter((r) => r.id !== risk.id), risk];
}

/** A 412's `current`, sent bare or wrapped as `{[key]: ...}`, parsed with the resource's schema. */
/** The staffing plan as it is now, from a 412 answer. */
export const currentStaffingOf = (error: unknown) =>
  currentOf<StaffingPlan>(error, "staffing", { roadmapId: "string", version: "number", rows: "array" });
/** The risk as it is now, from a 412 answer. */
export const currentRiskOf = (error: unknown) =>
  currentOf<Risk>(error, "risk", { id: "string", version: "number", title: "string" });

// --- mutations -------------------------------------------------------------------------------------

/**
 * Replaces the staffing plan, with If-Match on the version the edits started from. A 412 puts the
 * plan as it is now in the cache (so the page can show it beside the edits, which stay the
 * caller's) and rejects with the ApiError.
 */
export function useSaveStaffing(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<StaffingPlan, ApiError, { plan: PutStaffingInput; version: number }>({
    mutationFn: ({ plan, version }) =>
      callEndpoint(endpoints.putStaffing, { params: { roadmapId }, body: plan, ifMatch: version }).then(
        (r) => r.staffing,
      ),
    onSuccess: (staffing) => queryClient.setQueryData(queryKeys.staffing(roadmapId), staffing),
    onError: (error) => {
      const current = currentStaffingOf(error);
      if (current) queryClient.setQueryData(queryKeys.staffing(roadmapId), current);
    },
    onSettled: () => refreshResources(queryClient, roadmapId),
  });
}

export function useCreateRisk(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Risk, ApiError, CreateRiskInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.createRisk, { params: { roadmapId }, body }).then((r) => r.risk),
    onSuccess: (risk) => patchRisks(queryClient, roadmapId, (risks) => withRisk(risks, risk)),
    onSettled: () => refreshResources(queryClient, roadmapId),
  });
}

export interface RiskChange {
  riskId: string;
  /** The version the edit started from (If-Match). */
  version: number;
  patch: UpdateRiskInput;
}

/** Changes a risk at once in the list (score and flag worked out here too); a failure undoes that. */
export function useUpdateRisk(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Risk, ApiError, RiskChange, { before?: Risk[] }>({
    mutationFn: ({ riskId, version, patch }) =>
      callEndpoint(endpoints.updateRisk, { params: { riskId }, body: patch, ifMatch: version }).then(
        (r) => r.risk,
      ),
    onMutate: async ({ riskId, patch }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.risks(roadmapId) });
      const before = queryClient.getQueryData<Risk[]>(queryKeys.risks(roadmapId));
      patchRisks(queryClient, roadmapId, (risks) =>
        risks.map((r) => {
          if (r.id !== riskId) return r;
          const next = { ...r, ...patch } as Risk;
          return {
            ...next,
            score: riskScore(next.likelihood, next.impact),
            needsContingency: needsContingency(next),
          };
        }),
      );
      return { before };
    },
    onSuccess: (risk) => patchRisks(queryClient, roadmapId, (risks) => withRisk(risks, risk)),
    onError: (error, _change, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.risks(roadmapId), context.before);
      const current = currentRiskOf(error);
      if (current) patchRisks(queryClient, roadmapId, (risks) => withRisk(risks, current));
    },
    onSettled: () => refreshResources(queryClient, roadmapId),
  });
}

/** Deletes a risk (soft: restorable for 30 days); it leaves the list at once. */
export function useDeleteRisk(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Risk, ApiError, Risk, { before?: Risk[] }>({
    mutationFn: (risk) =>
      callEndpoint(endpoints.deleteRisk, { params: { riskId: risk.id }, ifMatch: risk.version }).then(
        (r) => r.risk,
      ),
    onMutate: async (risk) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.risks(roadmapId) });
      const before = queryClient.getQueryData<Risk[]>(queryKeys.risks(roadmapId));
      patchRisks(queryClient, roadmapId, (risks) => risks.filter((r) => r.id !== risk.id));
      return { before };
    },
    onError: (error, _risk, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.risks(roadmapId), context.before);
      const current = currentRiskOf(error);
      if (current) patchRisks(queryClient, roadmapId, (risks) => withRisk(risks, current));
    },
    onSettled: () => refreshResources(queryClient, roadmapId),
  });
}

/** Undoes a delete. */
export function useRestoreRisk(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Risk, ApiError, string>({
    mutationFn: (riskId) => callEndpoint(endpoints.restoreRisk, { params: { riskId } }).then((r) => r.risk),
    onSuccess: (risk) => patchRisks(queryClient, roadmapId, (risks) => withRisk(risks, risk)),
    onSettled: () => refreshResources(queryClient, roadmapId),
  });
}
