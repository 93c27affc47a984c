import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import type {
  Comment,
  CommentThread,
  CreateCommentInput,
  UpdateCommentInput,
} from "@/lib/validation/collaboration";
import { collaboration as endpoints } from "@/lib/validation/routes";
import { currentOf } from "./conflicts";
import { ApiError, callEndpoint, type EndpointResponse } from "./api";
import { queryKeys } from "./query-keys";

export type CommentsPage = EndpointResponse<typeof endpoints.listComments>;
type CommentsData = InfiniteData<CommentsPage, string | null>;

/** Where a comment lives: its item, and the roadmap whose board carries the item's verdict summary. */
export interface CommentScope {
  roadmapId: string;
  itemId: string;
}

/** The item's threads, oldest first, a page at a time (`fetchNextPage` loads the next). */
export function useComments(itemId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.comments(itemId),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(endpoints.listComments, {
        params: { itemId },
        query: pageParam ? { cursor: pageParam } : undefined,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

// --- cache helpers ------------------------------------------------------------------------------

function patchPages(queryClient: QueryClient, itemId: string, change: (page: CommentsPage) => CommentsPage) {
  queryClient.setQueryData<CommentsData>(queryKeys.comments(itemId), (old) =>
    old ? { ...old, pages: old.pages.map(change) } : old,
  );
}

/** Puts the server's copy of a comment in place, root or reply, keeping a root's replies. */
export function replaceCachedComment(queryClient: QueryClient, comment: Comment) {
  patchPages(queryClient, comment.itemId, (page) => ({
    ...page,
    items: page.items.map((thread): CommentThread => {
      if (thread.id === comment.id) return { ...comment, replies: thread.replies };
      if (comment.parentId !== thread.id) return thread;
      return { ...thread, replies: thread.replies.map((r) => (r.id === comment.id ? comment : r)) };
    }),
  }));
}

/** Shows a new comment at once: a reply in its thread, a new thread at the end if the end is loaded. */
function addCachedComment(queryClient: QueryClient, comment: Comment) {
  const data = queryClient.getQueryData<CommentsData>(queryKeys.comments(comment.itemId));
  if (!data) return;
  const lastIndex = data.pages.length - 1;
  patchPages(queryClient, comment.itemId, (page) => {
    if (comment.parentId) {
      return {
        ...page,
        items: page.items.map((t) =>
          t.id === comment.parentId && !t.replies.some((r) => r.id === comment.id)
            ? { ...t, replies: [...t.replies, comment] }
            : t,
        ),
      };
    }
    const isLast = page === data.pages[lastIndex];
    if (!isLast || page.nextCursor || page.items.some((t) => t.id === comment.id)) return page;
    return { ...page, items: [...page.items, { ...comment, replies: [] }] };
  });
}

/** The comment as it is now, from a 412's `current` (sent bare or as {comment}). */
export function currentCommentOf(error: unknown): Comment | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  return currentOf<Comment>(error, "comment", { id: "string", version: "number", body: "string" });
}

/**
 * After any change: the comments from the server (summary, order, other people's news), the board
 * (its per-item verdict summary, shown on the timeline bars) and the item's history.
 */
function refreshAfterChange(queryClient: QueryClient, scope: CommentScope) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.comments(scope.itemId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.board(scope.roadmapId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.activity(scope.roadmapId) }),
  ]);
}

/** A 412 tells us the comment as it is now: show that, so the next try sends its version. */
function rememberCurrent(queryClient: QueryClient, error: ApiError) {
  const current = currentCommentOf(error);
  if (current) replaceCachedComment(queryClient, current);
}

// --- mutations ----------------------------------------------------------------------------------

export function useCreateComment(scope: CommentScope) {
  const queryClient = useQueryClient();
  return useMutation<Comment, ApiError, CreateCommentInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.createComment, { params: { itemId: scope.itemId }, body }).then(
        (r) => r.comment,
      ),
    onSuccess: (comment) => addCachedComment(queryClient, comment),
    onSettled: () => refreshAfterChange(queryClient, scope),
  });
}

/**
 * Edits a comment with If-Match on the version it was read at (`baseVersion`, by default the
 * comment's own). A 412 rejects with the ApiError; `currentCommentOf(error)` is the comment as it
 * is now, which is also put in the cache. The text typed is the caller's to keep.
 */
export function useEditComment(scope: CommentScope) {
  const queryClient = useQueryClient();
  return useMutation<
    Comment,
    ApiError,
    { comment: Comment; patch: UpdateCommentInput; baseVersion?: number }
  >({
    mutationFn: ({ comment, patch, baseVersion }) =>
      callEndpoint(endpoints.updateComment, {
        params: { commentId: comment.id },
        body: patch,
        ifMatch: baseVersion ?? comment.version,
      }).then((r) => r.comment),
    onSuccess: (comment) => replaceCachedComment(queryClient, comment),
    onError: (error) => rememberCurrent(queryClient, error),
    onSettled: () => refreshAfterChange(queryClient, scope),
  });
}

/** Deletes (softly) a comment; `useRestoreComment` undoes it. */
export function useDeleteComment(scope: CommentScope) {
  const queryClient = useQueryClient();
  return useMutation<Comment, ApiError, Comment>({
    mutationFn: (comment) =>
      callEndpoint(endpoints.deleteComment, {
        params: { commentId: comment.id },
        ifMatch: comment.version,
      }).then((r) => r.comment),
    onSuccess: (comment) => replaceCachedComment(queryClient, comment),
    onError: (error) => rememberCurrent(queryClient, error),
    onSettled: () => refreshAfterChange(queryClient, scope),
  });
}

export function useRestoreComment(scope: CommentScope) {
  const queryClient = useQueryClient();
  return useMutation<Comment, ApiError, string>({
    mutationFn: (commentId) =>
      callEndpoint(endpoints.restoreComment, { params: { commentId } }).then((r) => r.comment),
    onSuccess: (comment) => replaceCachedComment(queryClient, comment),
    onSettled: () => refreshAfterChange(queryClient, scope),
  });
}

/**
 * Resolves or reopens a thread (editors). Sent without If-Match: resolving is a decision about the
 * discussion, and an edit someone made to the text meanwhile does not change it.
 */
export function useResolveComment(scope: CommentScope) {
  const queryClient = useQueryClient();
  return useMutation<Comment, ApiError, { comment: Comment; resolved: boolean }>({
    mutationFn: ({ comment, resolved }) =>
      callEndpoint(endpoints.resolveComment, { params: { commentId: comment.id }, body: { resolved } }).then(
        (r) => r.comment,
      ),
    onSuccess: (comment) => replaceCachedComment(queryClient, comment),
    onSettled: () => refreshAfterChange(queryClient, scope),
  });
}
