import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateShareLinkInput, ShareLink } from "@/lib/validation/communication";
import { communication as endpoints } from "@/lib/validation/routes";
import { callEndpoint, type ApiError } from "./api";
import { queryKeys } from "./query-keys";

export type { ShareLink };

/** Under the roadmap's key, so that live events about the roadmap refresh the list too. */
/** The roadmap's share links (editors only: the API refuses others, so they don't ask). */
export function useShareLinks(roadmapId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.shareLinks(roadmapId),
    queryFn: ({ signal }) =>
      callEndpoint(endpoints.listShareLinks, { params: { roadmapId }, signal }).then((r) => r.items),
    enabled,
  });
}

function withLink(links: ShareLink[] | undefined, link: ShareLink): ShareLink[] {
  return [link, ...(links ?? []).filter((l) => l.id !== link.id)];
}

/** Creates a link; the answer's `url` carries the secret token and is never given again. */
export function useCreateShareLink(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ shareLink: ShareLink; url: string }, ApiError, CreateShareLinkInput>({
    mutationFn: (body) => callEndpoint(endpoints.createShareLink, { params: { roadmapId }, body }),
    onSuccess: ({ shareLink }) => {
      queryClient.setQueryData<ShareLink[]>(queryKeys.shareLinks(roadmapId), (old) =>
        withLink(old, shareLink),
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.shareLinks(roadmapId) });
    },
  });
}

export function useRevokeShareLink(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ shareLink: ShareLink }, ApiError, ShareLink>({
    mutationFn: (link) =>
      callEndpoint(endpoints.revokeShareLink, { params: { shareLinkId: link.id }, ifMatch: link.version }),
    onSuccess: ({ shareLink }) => {
      queryClient.setQueryData<ShareLink[]>(queryKeys.shareLinks(roadmapId), (old) =>
        old?.map((l) => (l.id === shareLink.id ? shareLink : l)),
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.shareLinks(roadmapId) });
    },
  });
}

/** Where the roadmap's export in `format` downloads from (a plain link: the browser saves the file). */
export function exportHref(roadmapId: string, format: "json" | "csv" | "md" | "ics"): string {
  return `/api/roadmaps/${roadmapId}/export?format=${format}`;
}
