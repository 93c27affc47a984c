import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { communication as endpoints } from "@/lib/validation/routes";
import type {
  CreateFeedbackRoundInput,
  FeedbackResponse,
  FeedbackResponseInput,
  FeedbackResults,
  FeedbackRound,
  FeedbackRoundDetail,
} from "@/lib/validation/communication";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";

export type { FeedbackResponse, FeedbackResults, FeedbackRound, FeedbackRoundDetail };

/**
 * Keys under the roadmap's, so that its live events (someone answers, an editor closes a round)
 * refresh the list, the round and its results while they are on screen.
 */
/** The roadmap's rounds as the API orders them: open ones first. */
export function useFeedbackRounds(roadmapId: string) {
  return useQuery({
    queryKey: queryKeys.feedbackRounds(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listFeedbackRounds, { params: { roadmapId }, signal }).then((r) => r.items),
  });
}

/** A round, the items it asks about and the caller's own answers. */
export function useFeedbackRound(roadmapId: string, roundId: string) {
  return useQuery({
    queryKey: queryKeys.feedbackRound(roadmapId, roundId),
    queryFn: ({ signal }) => callEndpoint(endpoints.getFeedbackRound, { params: { roundId }, signal }),
  });
}

export function useFeedbackResults(roadmapId: string, roundId: string) {
  return useQuery({
    queryKey: queryKeys.feedbackResults(roadmapId, roundId),
    queryFn: ({ signal }) => callEndpoint(endpoints.getFeedbackResults, { params: { roundId }, signal }),
  });
}

function refreshRound(queryClient: QueryClient, roadmapId: string, roundId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.feedbackRound(roadmapId, roundId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.feedbackResults(roadmapId, roundId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.feedbackRounds(roadmapId), exact: true }),
  ]);
}

/** Opens a round on the roadmap as it is now (the server takes the snapshot it asks about). */
export function useOpenFeedbackRound(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<FeedbackRound, ApiError, CreateFeedbackRoundInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.createFeedbackRound, { params: { roadmapId }, body }).then((r) => r.round),
    onSuccess: (round) =>
      queryClient.setQueryData<FeedbackRound[]>(queryKeys.feedbackRounds(roadmapId), (old) =>
        old ? [round, ...old.filter((r) => r.id !== round.id)] : old,
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.feedbackRounds(roadmapId), exact: true }),
  });
}

/** The caller's answers with `response` in place of an earlier one on the same item. */
export function withResponse(responses: FeedbackResponse[], response: FeedbackResponse): FeedbackResponse[] {
  return [...responses.filter((r) => (r.itemId ?? null) !== (response.itemId ?? null)), response];
}

/**
 * Saves one answer (the roadmap overall, or an item): the first time 201, later 200 replacing it.
 * A refusal because the round closed meanwhile re-reads the round, which then shows it read-only.
 */
export function useAnswerFeedbackRound(roadmapId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation<FeedbackResponse, ApiError, FeedbackResponseInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.respondToFeedbackRound, { params: { roundId }, body }).then((r) => r.response),
    onSuccess: (response) =>
      queryClient.setQueryData<FeedbackRoundDetail>(queryKeys.feedbackRound(roadmapId, roundId), (old) =>
        old ? { ...old, myResponses: withResponse(old.myResponses, response) } : old,
      ),
    onSettled: () => refreshRound(queryClient, roadmapId, roundId),
  });
}

/**
 * Closes a round early (editor); from then on it is read-only. Sent without If-Match: closing is
 * the same whatever changed meanwhile, and answers arriving must not make the editor's click fail.
 */
export function useCloseFeedbackRound(roadmapId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation<FeedbackRound, ApiError, void>({
    mutationFn: () =>
      callEndpoint(endpoints.closeFeedbackRound, { params: { roundId } }).then((r) => r.round),
    onSuccess: (round) =>
      queryClient.setQueryData<FeedbackRoundDetail>(queryKeys.feedbackRound(roadmapId, roundId), (old) =>
        old ? { ...old, round, canRespond: false } : old,
      ),
    onSettled: () => refreshRound(queryClient, roadmapId, roundId),
  });
}
