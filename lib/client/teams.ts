import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { TeamSummary } from "@/lib/validation/accounts";
import { teams as endpoints } from "@/lib/validation/routes";
import type { Team } from "@/lib/validation/teams";
import type { Role } from "@/lib/validation/common";
import { callEndpoint, type ApiError } from "./api";
import { queryKeys } from "./query-keys";

/** A 412 carries the team as it is now: show that everywhere, and use its version next time. */
function rememberCurrentTeam(queryClient: QueryClient, teamId: string, error: ApiError) {
  const current = error.current as Team | undefined;
  if (error.status !== 412 || !current) return;
  queryClient.setQueryData<{ team: Team; role: Role }>(queryKeys.team(teamId), (old) =>
    old ? { ...old, team: current } : old,
  );
  queryClient.setQueryData<TeamSummary[]>(queryKeys.myTeams, (old) =>
    old?.map((t) => (t.id === teamId ? { ...t, name: current.name } : t)),
  );
}

export function useMyTeams() {
  return useQuery({
    queryKey: queryKeys.myTeams,
    queryFn: ({ signal }) => callEndpoint(endpoints.listTeams, { signal }).then((r) => r.items),
  });
}

export function useTeam(teamId: string) {
  return useQuery({
    queryKey: queryKeys.team(teamId),
    queryFn: ({ signal }) => callEndpoint(endpoints.getTeam, { params: { teamId }, signal }),
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation<{ team: Team; role: Role }, ApiError, { name: string }>({
    mutationFn: (body) => callEndpoint(endpoints.createTeam, { body }),
    onSuccess: ({ team, role }) => {
      queryClient.setQueryData<TeamSummary[]>(queryKeys.myTeams, (old) =>
        [...(old ?? []), { id: team.id, name: team.name, slug: team.slug, role }].sort((a, b) =>
          a.name.localeCompare(b.name),
        ),
      );
      queryClient.setQueryData(queryKeys.team(team.id), { team, role });
      return queryClient.invalidateQueries({ queryKey: queryKeys.myTeams });
    },
  });
}

/** Renames with If-Match: the version this browser read. A 412 carries the team as it is now. */
export function useRenameTeam(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ team: Team }, ApiError, { name: string; version: number }>({
    mutationFn: ({ name, version }) =>
      callEndpoint(endpoints.updateTeam, { params: { teamId }, body: { name }, ifMatch: version }),
    onSuccess: ({ team }) => {
      queryClient.setQueryData<{ team: Team; role: Role }>(queryKeys.team(teamId), (old) =>
        old ? { ...old, team } : old,
      );
      queryClient.setQueryData<TeamSummary[]>(queryKeys.myTeams, (old) =>
        old?.map((t) => (t.id === teamId ? { ...t, name: team.name } : t)),
      );
    },
    onError: (error) => rememberCurrentTeam(queryClient, teamId, error),
  });
}

export function useDeleteTeam(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { version: number }>({
    mutationFn: ({ version }) => callEndpoint(endpoints.deleteTeam, { params: { teamId }, ifMatch: version }),
    onSuccess: () => {
      queryClient.setQueryData<TeamSummary[]>(queryKeys.myTeams, (old) =>
        old?.filter((t) => t.id !== teamId),
      );
      queryClient.removeQueries({ queryKey: queryKeys.team(teamId) });
    },
    onError: (error) => rememberCurrentTeam(queryClient, teamId, error),
  });
}
