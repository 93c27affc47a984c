import { useQuery } from "@tanstack/react-query";
import { accounts as endpoints } from "@/lib/validation/routes";
import { callEndpoint } from "./api";
import { queryKeys } from "./query-keys";

/** The signed-in user (id, name, e-mail): who "you" are when the interface offers your own edits. */
export function useCurrentUser() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => callEndpoint(endpoints.getMe, { signal }).then((r) => r.user),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
