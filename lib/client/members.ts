import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TeamSummary } from "@/lib/validation/accounts";
import type { Role } from "@/lib/validation/common";
import { teams as endpoints } from "@/lib/validation/routes";
import type { Member } from "@/lib/validation/teams";
import { callEndpoint, type ApiError } from "./api";
import { queryKeys } from "./query-keys";

export function useMembers(teamId: string) {
  return useQuery({
    queryKey: queryKeys.members(teamId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listMembers, { params: { teamId }, signal }).then((r) => r.items),
  });
}

export function useChangeMemberRole(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { userId: string; role: Role }>({
    mutationFn: ({ userId, role }) =>
      callEndpoint(endpoints.changeMemberRole, { params: { teamId, userId }, body: { role } }),
    onSuccess: (_, { userId, role }) => {
      queryClient.setQueryData<Member[]>(queryKeys.members(teamId), (old) =>
        old?.map((m) => (m.user.id === userId ? { ...m, role } : m)),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(teamId) }),
  });
}

/** Removes a member (owners), or the caller themselves (leaving the team). */
export function useRemoveMember(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { userId: string; self: boolean }>({
    mutationFn: ({ userId }) => callEndpoint(endpoints.removeMember, { params: { teamId, userId } }),
    onSuccess: (_, { userId, self }) => {
      if (self) {
        queryClient.setQueryData<TeamSummary[]>(queryKeys.myTeams, (old) =>
          old?.filter((t) => t.id !== teamId),
        );
        queryClient.removeQueries({ queryKey: queryKeys.team(teamId) });
        return;
      }
      queryClient.setQueryData<Member[]>(queryKeys.members(teamId), (old) =>
        old?.filter((m) => m.user.id !== userId),
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.members(teamId) });
    },
  });
}
