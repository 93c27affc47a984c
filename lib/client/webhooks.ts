import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
} from "@/lib/validation/delivery";
import { delivery as endpoints } from "@/lib/validation/routes";
import { callEndpoint, type ApiError } from "./api";
import { queryKeys } from "./query-keys";

// A team's outgoing webhooks (#17, owners): the list, add, turn on and off, delete, send a test
// event, and each one's delivery log. The server validates; its 400 / 422 land next to the fields.

/** How often an open delivery log looks again while a delivery is still waiting for its attempt. */
const PENDING_POLL_MS = 1500;

export function useWebhooks(teamId: string) {
  return useQuery({
    queryKey: queryKeys.webhooks(teamId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listWebhooks, { params: { teamId }, signal }).then((r) => r.items),
  });
}

export function useCreateWebhook(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ webhook: Webhook; secret: string }, ApiError, CreateWebhookInput>({
    mutationFn: (body) => callEndpoint(endpoints.createWebhook, { params: { teamId }, body }),
    onSuccess: ({ webhook }) => {
      queryClient.setQueryData<Webhook[]>(queryKeys.webhooks(teamId), (old) => [...(old ?? []), webhook]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(teamId) });
    },
  });
}

/** Replaces the webhook in the team's list with the server's answer. */
function putWebhook(old: Webhook[] | undefined, webhook: Webhook): Webhook[] | undefined {
  return old?.map((w) => (w.id === webhook.id ? { ...webhook, lastAttempt: w.lastAttempt } : w));
}

export function useUpdateWebhook(hook: Webhook) {
  const queryClient = useQueryClient();
  return useMutation<Webhook, ApiError, UpdateWebhookInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.updateWebhook, {
        params: { webhookId: hook.id },
        body,
        ifMatch: hook.version,
      }).then((r) => r.webhook),
    onSuccess: (webhook) => {
      queryClient.setQueryData<Webhook[]>(queryKeys.webhooks(hook.teamId), (old) => putWebhook(old, webhook));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(hook.teamId) }),
  });
}

export function useDeleteWebhook(hook: Webhook) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, void>({
    mutationFn: () =>
      callEndpoint(endpoints.deleteWebhook, { params: { webhookId: hook.id }, ifMatch: hook.version }),
    onSuccess: () => {
      queryClient.setQueryData<Webhook[]>(queryKeys.webhooks(hook.teamId), (old) =>
        old?.filter((w) => w.id !== hook.id),
      );
      queryClient.removeQueries({ queryKey: queryKeys.webhookDeliveries(hook.id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(hook.teamId) });
    },
  });
}

/** Queues a `webhook.test` event; its attempt shows in the delivery log (polled until it lands). */
export function useSendWebhookTest(hook: Webhook) {
  const queryClient = useQueryClient();
  return useMutation<WebhookDelivery, ApiError, void>({
    mutationFn: () =>
      callEndpoint(endpoints.sendWebhookTest, { params: { webhookId: hook.id } }).then((r) => r.delivery),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(hook.id) }),
  });
}

/** The newest-first delivery log, 20 a page (when shown); polled while a delivery awaits its first attempt. */
export function useWebhookDeliveries(
  webhookId: string,
  teamId: string,
  enabled: boolean,
  /** A delivery just queued (a test event): polled for until its first attempt is in the log. */
  awaitedId?: string,
) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: queryKeys.webhookDeliveries(webhookId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) => {
      const page = await callEndpoint(endpoints.listWebhookDeliveries, {
        params: { webhookId },
        query: { limit: 20, ...(pageParam && { cursor: pageParam }) },
        signal,
      });
      // The list's "last attempt" (and a webhook turned off for failing) follows the log.
      if (!pageParam) void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(teamId) });
      return page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    // The awaited delivery may be missing from a page read just before it was committed (a first
    // read in flight is shared with the refetch asked for after the test event), so it is polled for.
    refetchInterval: (query) => {
      const pages = query.state.data?.pages;
      const awaited = !!awaitedId && !findDelivery(pages, awaitedId)?.attempts.length;
      const waiting = pages?.[0]?.items.some((d) => d.state === "pending" && d.attempts.length === 0);
      return awaited || waiting ? PENDING_POLL_MS : false;
    },
  });
}

/** The delivery with this id in the loaded log, if it is there yet. */
export function findDelivery(
  pages: { items: WebhookDelivery[] }[] | undefined,
  id: string | undefined,
): WebhookDelivery | undefined {
  if (!id) return undefined;
  for (const page of pages ?? []) {
    const found = page.items.find((d) => d.id === id);
    if (found) return found;
  }
  return undefined;
}
