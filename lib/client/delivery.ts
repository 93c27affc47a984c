import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import type { NotificationSettings, UpdateNotificationSettingsInput } from "@/lib/validation/delivery";
import { delivery as endpoints } from "@/lib/validation/routes";
import { callEndpoint, type ApiError } from "./api";

// Email settings, password reset, unsubscribe and the team's Delivery log (#17). Forms validate on
// the server: its 400 details land next to the fields (lib/client/forms.ts splitServerError).

const outboxKey = (teamId: string) => ["outbox", teamId] as const;

export function useRequestPasswordReset() {
  return useMutation<unknown, ApiError, { email: string }>({
    mutationFn: (body) => callEndpoint(endpoints.requestPasswordReset, { body }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation<unknown, ApiError, { token: string; password: string }>({
    mutationFn: (body) => callEndpoint(endpoints.confirmPasswordReset, { body }),
  });
}

export function useUnsubscribe() {
  return useMutation<unknown, ApiError, { token: string }>({
    mutationFn: (query) => callEndpoint(endpoints.unsubscribe, { query }),
  });
}

export function useUpdateNotificationSettings() {
  return useMutation<NotificationSettings, ApiError, UpdateNotificationSettingsInput>({
    mutationFn: (body) =>
      callEndpoint(endpoints.updateNotificationSettings, { body }).then((r) => r.settings),
  });
}

export function useOutbox(teamId: string) {
  return useInfiniteQuery({
    queryKey: outboxKey(teamId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(endpoints.listOutbox, {
        params: { teamId },
        query: { limit: 25, ...(pageParam && { cursor: pageParam }) },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
