import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type {
  Cadence,
  CreateReviewInput,
  DiffResponse,
  PutCadenceInput,
  Review,
  Snapshot,
} from "@/lib/validation/communication";
import { communication as endpoints } from "@/lib/validation/routes";
import { currentOf } from "./conflicts";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";

export type { Cadence, DiffResponse, Review, Snapshot };

/** "now" or a snapshot id: one side of a comparison. */
export type DiffSide = "now" | (string & {});

/**
 * Keys under the roadmap's, so that its live events refresh them (see live-cache.ts): a review or
 * snapshot someone else records shows up here, and a diff against "now" follows the plan.
 */
/** The iCalendar feed of a roadmap's reviews and key milestones (needs a signed-in session). */
export function calendarPath(roadmapId: string): string {
  return endpoints.getCalendar.path.replace("{roadmapId}", encodeURIComponent(roadmapId));
}

// --- reads ----------------------------------------------------------------------------------------

export function useCadence(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.cadence(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getCadence, { params: { roadmapId }, signal }).then((r) => r.cadence),
  });
}

/** Reviews held, latest first. */
export function useReviews(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.reviews(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listReviews, { params: { roadmapId }, signal }).then((r) => r.items),
  });
}

/** Snapshots, newest first. */
export function useSnapshots(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.snapshots(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listSnapshots, { params: { roadmapId }, signal }).then((r) => r.items),
  });
}

/** What changed from one snapshot to another (or to now); nothing is asked while `from` is null. */
export function useDiff(roadmapId: string, from: DiffSide | null, to: DiffSide = "now") {
  return useQuery({
    queryKey: queryKeys.diff(roadmapId, from ?? "", to),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getDiff, { params: { roadmapId }, query: { from: from!, to }, signal }),
    enabled: !!from,
    // A missing or foreign snapshot will not appear by asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

// --- mutations -------------------------------------------------------------------------------------

function refreshReviews(queryClient: QueryClient, roadmapId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.cadence(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.reviews(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.snapshots(roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.activity(roadmapId) }),
  ]);
}

/** The cadence as it is now, from a 412 answer (sent bare or as {cadence}). */
export function currentCadenceOf(error: unknown): Cadence | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return currentOf<Cadence>(error, "cadence", { roadmapId: "string", version: "number", rules: "array" });
}

/**
 * Replaces the rules with If-Match on the version the edit started from. A 412 puts the cadence as
 * it is now in the cache (the editor shows it and offers to apply the edit again) and rejects.
 */
export function useSaveCadence(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Cadence, ApiError, { body: PutCadenceInput; version: number }>({
    mutationFn: ({ body, version }) =>
      callEndpoint(endpoints.putCadence, { params: { roadmapId }, body, ifMatch: version }).then(
        (r) => r.cadence,
      ),
    onSuccess: (cadence) => queryClient.setQueryData(queryKeys.cadence(roadmapId), cadence),
    onError: (error) => {
      const current = currentCadenceOf(error);
      if (current) queryClient.setQueryData(queryKeys.cadence(roadmapId), current);
    },
    onSettled: () => refreshReviews(queryClient, roadmapId),
  });
}

/** Records a review (which takes a snapshot); it heads the history at once. */
export function useRecordReview(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Review, ApiError, CreateReviewInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.createReview, { params: { roadmapId }, body }).then((r) => r.review),
    onSuccess: (review) =>
      queryClient.setQueryData<Review[]>(queryKeys.reviews(roadmapId), (old) =>
        old ? [review, ...old.filter((r) => r.id !== review.id)] : old,
      ),
    onSettled: () => refreshReviews(queryClient, roadmapId),
  });
}

export function useTakeSnapshot(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<Snapshot, ApiError, { label: string }>({
    mutationFn: (body) =>
      callEndpoint(endpoints.createSnapshot, { params: { roadmapId }, body }).then((r) => r.snapshot),
    onSuccess: (snapshot) =>
      queryClient.setQueryData<Snapshot[]>(queryKeys.snapshots(roadmapId), (old) =>
        old ? [snapshot, ...old.filter((s) => s.id !== snapshot.id)] : old,
      ),
    onSettled: () => refreshReviews(queryClient, roadmapId),
  });
}
