import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { useMemo } from "react";
import type { Notification } from "@/lib/validation/collaboration";
import { collaboration } from "@/lib/validation/routes";
import { callEndpoint, type ApiError, type EndpointResponse } from "./api";
import { queryKeys } from "./query-keys";

export type NotificationPage = EndpointResponse<typeof collaboration.listNotifications>;
type NotificationData = InfiniteData<NotificationPage, string | null>;

/** Live pushes invalidate queryKeys.notifications; polling is the fallback when the stream is down. */
const POLL_MS = 30_000;

export type NotificationFilter = "all" | "unread";

/**
 * The caller's notifications, newest first, a page at a time, with the unread count (from the
 * newest page). Refetched on window focus and every 30 s.
 */
export function useNotifications({
  filter = "all",
  pageSize = 20,
}: { filter?: NotificationFilter; pageSize?: number } = {}) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.notificationList(filter, pageSize),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(collaboration.listNotifications, {
        query: {
          limit: pageSize,
          cursor: pageParam ?? undefined,
          unread: filter === "unread" ? "true" : undefined,
        },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: "always",
    staleTime: 10_000,
  });
  const pages = query.data?.pages;
  const notifications = useMemo<Notification[]>(() => pages?.flatMap((p) => p.items) ?? [], [pages]);
  return { ...query, notifications, unreadCount: pages?.[0]?.unreadCount ?? 0 };
}

export type MarkReadTarget = { ids: string[] } | { all: true };

const MARK_READ_KEY = [...queryKeys.notifications, "mark-read"];

function targets(target: MarkReadTarget): (n: Notification) => boolean {
  if ("all" in target) return () => true;
  const ids = new Set(target.ids);
  return (n) => ids.has(n.id);
}

function patchAll(queryClient: QueryClient, change: (page: NotificationPage) => NotificationPage) {
  queryClient.setQueriesData<NotificationData>({ queryKey: queryKeys.notifications }, (old) =>
    old?.pages ? { ...old, pages: old.pages.map(change) } : old,
  );
}

/**
 * Marks notifications read, by id or all. The lists and the unread count change at once; a failure
 * puts them back as they were.
 */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation<
    { unreadCount: number },
    ApiError,
    MarkReadTarget,
    { snapshots: Array<[QueryKey, NotificationData | undefined]> }
  >({
    mutationKey: MARK_READ_KEY,
    mutationFn: (body) => callEndpoint(collaboration.markNotificationsRead, { body }),
    onMutate: async (target) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notifications });
      const snapshots = queryClient.getQueriesData<NotificationData>({ queryKey: queryKeys.notifications });
      const matches = targets(target);
      const newlyRead = new Set<string>();
      for (const [, data] of snapshots)
        for (const page of data?.pages ?? [])
          for (const n of page.items) if (!n.read && matches(n)) newlyRead.add(n.id);
      patchAll(queryClient, (page) => ({
        ...page,
        unreadCount: "all" in target ? 0 : Math.max(0, page.unreadCount - newlyRead.size),
        items: page.items.map((n) => (matches(n) && !n.read ? { ...n, read: true } : n)),
      }));
      return { snapshots };
    },
    onError: (_error, _target, context) => {
      for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: ({ unreadCount }) => {
      patchAll(queryClient, (page) => ({ ...page, unreadCount }));
    },
    onSettled: () => {
      // Only the last of several quick marks refetches, so none undoes another's optimistic state.
      if (queryClient.isMutating({ mutationKey: MARK_READ_KEY }) === 1)
        return queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
  });
}
