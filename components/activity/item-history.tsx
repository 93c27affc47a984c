"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { useActivity, useActivityNames } from "@/lib/client/activity";
import { queryKeys } from "@/lib/client/query-keys";
import { ActivityFeed } from "./activity-feed";
import { makeNameBook } from "./activity-names";

const HISTORY_PAGE_SIZE = 20;

/**
 * One item's history (its changes and the comments on it), newest first, for the item panel's
 * "History" tab. It reloads when the item's version on the board moves (a save here, or a live
 * change from someone else).
 */
export function ItemHistory({ roadmapId, itemId }: { roadmapId: string; itemId: string }) {
  const activity = useActivity(roadmapId, itemId, { pageSize: HISTORY_PAGE_SIZE });
  const sources = useActivityNames(roadmapId);
  const version = sources.board?.items.find((i) => i.id === itemId)?.version;
  useRefetchWhenChanged(version, roadmapId, itemId);
  const names = useMemo(() => makeNameBook(sources, activity.entries), [sources, activity.entries]);

  return (
    <ActivityFeed
      entries={activity.entries}
      names={names}
      state={activity}
      headingLevel={3}
      empty="No changes recorded for this item yet."
      end="That is everything since the item was added."
    />
  );
}

function useRefetchWhenChanged(version: number | undefined, roadmapId: string, itemId: string) {
  const queryClient = useQueryClient();
  const seen = useRef(version);
  useEffect(() => {
    if (version === undefined || version === seen.current) return;
    seen.current = version;
    void queryClient.invalidateQueries({ queryKey: queryKeys.activity(roadmapId, itemId) });
  }, [version, roadmapId, itemId, queryClient]);
}
