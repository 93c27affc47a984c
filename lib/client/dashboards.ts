import { useQuery } from "@tanstack/react-query";
import type { Audience, Dashboard } from "@/lib/validation/communication";
import { communication as endpoints } from "@/lib/validation/routes";
import { callEndpoint } from "./api";
import { queryKeys } from "./query-keys";

export type { Dashboard };

/** Under the roadmap's key, so that its live events refresh a dashboard while it is on screen. */
/** One audience's dashboard; switching tabs keeps each one cached. */
export function useDashboard(roadmapId: string, audience: Audience) {
  return useQuery({
    queryKey: queryKeys.dashboard(roadmapId, audience),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.getDashboard, { params: { roadmapId, audience }, signal }),
  });
}
