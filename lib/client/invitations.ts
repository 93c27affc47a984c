import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/validation/common";
import { teams as endpoints } from "@/lib/validation/routes";
import type { Invitation } from "@/lib/validation/teams";
import { callEndpoint, type ApiError } from "./api";
import { queryKeys } from "./query-keys";

export function useInvitations(teamId: string) {
  return useQuery({
    queryKey: queryKeys.invitations(teamId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listInvitations, { params: { teamId }, signal }).then((r) => r.items),
  });
}

export function useCreateInvitation(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ invitation: Invitation; acceptUrl: string }, ApiError, { email: string; role: Role }>({
    mutationFn: (body) => callEndpoint(endpoints.createInvitation, { params: { teamId }, body }),
    onSuccess: ({ invitation }) => {
      queryClient.setQueryData<Invitation[]>(queryKeys.invitations(teamId), (old) => [
        invitation,
        ...(old ?? []),
      ]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitations(teamId) });
    },
  });
}

export function useRevokeInvitation(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { invitationId: string }>({
    mutationFn: ({ invitationId }) => callEndpoint(endpoints.revokeInvitation, { params: { invitationId } }),
    onSuccess: (_, { invitationId }) => {
      queryClient.setQueryData<Invitation[]>(queryKeys.invitations(teamId), (old) =>
        old?.filter((i) => i.id !== invitationId),
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitations(teamId) });
    },
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation<
    { team: { id: string; name: string; slug: string }; role: Role },
    ApiError,
    { token: string }
  >({
    mutationFn: (body) => callEndpoint(endpoints.acceptInvitation, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.myTeams }),
  });
}
