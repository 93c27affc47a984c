import { useQuery } from "@tanstack/react-query";
import type { AccuracyGrouping, Confidence, EstimateAccuracy } from "@/lib/validation/learning";
import type { ForecastMethod } from "@/lib/validation/learning-kinds";
import { learning as endpoints } from "@/lib/validation/routes";
import { callEndpoint } from "./api";
import { queryKeys } from "./query-keys";

export type { AccuracyGrouping, Confidence, EstimateAccuracy };

/** Actual over estimated duration of the team's done features, grouped by team, skill or person. */
export function useEstimateAccuracy(roadmapId: string, by: AccuracyGrouping) {
  return useQuery({
    queryKey: queryKeys.estimateAccuracy(roadmapId, by),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getEstimateAccuracy, { params: { roadmapId }, query: { by }, signal }),
  });
}

/** Key milestones' and the finish's P50, P80 and odds at each recorded forecast, and the calibration. */
export function useConfidence(roadmapId: string, method: ForecastMethod = "pert") {
  return useQuery({
    queryKey: queryKeys.confidence(roadmapId, method),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getConfidence, { params: { roadmapId }, query: { method }, signal }),
    // Reading it may record today's forecast (a simulation): not again on every focus.
    refetchOnWindowFocus: false,
  });
}
