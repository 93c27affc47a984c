import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiToken, CreateTokenInput } from "@/lib/validation/accounts";
import { accounts as endpoints } from "@/lib/validation/routes";
import { callEndpoint, type ApiError } from "./api";
import { queryKeys } from "./query-keys";

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.tokens,
    queryFn: ({ signal }) => callEndpoint(endpoints.listTokens, { signal }).then((r) => r.items),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation<{ token: ApiToken; secret: string }, ApiError, CreateTokenInput>({
    mutationFn: (body) => callEndpoint(endpoints.createToken, { body }),
    onSuccess: ({ token }) => {
      queryClient.setQueryData<ApiToken[]>(queryKeys.tokens, (old) => [token, ...(old ?? [])]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { tokenId: string }>({
    mutationFn: ({ tokenId }) => callEndpoint(endpoints.revokeToken, { params: { tokenId } }),
    onSuccess: (_, { tokenId }) => {
      queryClient.setQueryData<ApiToken[]>(queryKeys.tokens, (old) => old?.filter((t) => t.id !== tokenId));
      return queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });
}
