import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { teams as endpoints } from "@/lib/validation/routes";
import type { Skill } from "@/lib/validation/teams";
import { callEndpoint, type ApiError } from "./api";
import { queryKeys } from "./query-keys";

export function useSkills(teamId: string) {
  return useQuery({
    queryKey: queryKeys.skills(teamId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listSkills, { params: { teamId }, signal }).then((r) => r.items),
  });
}

export function useCreateSkill(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ skill: Skill }, ApiError, { name: string }>({
    mutationFn: (body) => callEndpoint(endpoints.createSkill, { params: { teamId }, body }),
    onSuccess: ({ skill }) => {
      queryClient.setQueryData<Skill[]>(queryKeys.skills(teamId), (old) =>
        [...(old ?? []).filter((s) => s.id !== skill.id), skill].sort((a, b) => a.name.localeCompare(b.name)),
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.skills(teamId) });
    },
  });
}
