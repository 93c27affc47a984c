import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ActivityEntity, ActivityEntry } from "@/lib/validation/collaboration";
import { collaboration, teams } from "@/lib/validation/routes";
import { callEndpoint } from "./api";
import { queryKeys } from "./query-keys";
import { useBoard } from "./timeline";

export const ACTIVITY_PAGE_SIZE = 30;

/**
 * The roadmap's activity (or one item's, with its comments; or one kind of thing's), newest first,
 * a page at a time. Live events invalidate queryKeys.activity(roadmapId), which covers them all.
 */
export function useActivity(
  roadmapId: string,
  itemId?: string,
  options: { pageSize?: number; refetchOnMount?: boolean | "always"; entity?: ActivityEntity } = {},
) {
  const limit = options.pageSize ?? ACTIVITY_PAGE_SIZE;
  const { entity } = options;
  const query = useInfiniteQuery({
    queryKey: queryKeys.activityFeed(roadmapId, itemId, entity),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(collaboration.listActivity, {
        params: { roadmapId },
        query: { limit, cursor: pageParam ?? undefined, itemId, entity },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnMount: options.refetchOnMount,
  });
  const pages = query.data?.pages;
  const entries = useMemo<ActivityEntry[]>(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  return { ...query, entries };
}

/** The item's version recorded by an activity entry (every change stores the version it made). */
export function versionOf(entry: ActivityEntry): number | null {
  const version = entry.changes.version;
  return typeof version === "number" ? version : null;
}

/**
 * The names an activity feed needs: items, lanes, members and skills as they are now. The board is
 * usually in the cache already (the timeline and the activity page load it); members and skills are
 * fetched once the board says which team it belongs to.
 */
export function useActivityNames(roadmapId: string) {
  const board = useBoard(roadmapId);
  const teamId = board.data?.roadmap.teamId;
  const members = useQuery({
    queryKey: queryKeys.members(teamId ?? ""),
    queryFn: ({ signal }) =>
      callEndpoint(teams.listMembers, { params: { teamId: teamId! }, signal }).then((r) => r.items),
    enabled: Boolean(teamId),
  });
  const skills = useQuery({
    queryKey: queryKeys.skills(teamId ?? ""),
    queryFn: ({ signal }) =>
      callEndpoint(teams.listSkills, { params: { teamId: teamId! }, signal }).then((r) => r.items),
    enabled: Boolean(teamId),
  });
  return useMemo(
    () => ({ board: board.data, members: members.data, skills: skills.data }),
    [board.data, members.data, skills.data],
  );
}
