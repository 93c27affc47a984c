"use client";

import { useEffect, useRef } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { useActivity, versionOf } from "@/lib/client/activity";
import { useBoard } from "@/lib/client/timeline";
import { changeRunsSince } from "./change-runs";

/** At most this many pages are read looking for the changes since a version (each has 20). */
const MAX_PAGES = 5;

/**
 * For the edit-conflict message: who changed the item since the version the user had, and what
 * ("Changed by Priya Shah 2 minutes ago: start date, owner"), from the item's activity.
 */
export function ChangedBy({
  roadmapId,
  itemId,
  sinceVersion,
}: {
  roadmapId: string;
  itemId: string;
  sinceVersion: number;
}) {
  const activity = useActivity(roadmapId, itemId, { pageSize: 20, refetchOnMount: "always" });
  const { entries, hasNextPage, isFetching, fetchNextPage } = activity;
  const pageCount = activity.data?.pages.length ?? 0;
  const itemChanges = entries.filter((e) => e.entity === "item" && e.entityId === itemId);
  const newer = itemChanges.filter((e) => (versionOf(e) ?? 0) > sinceVersion);
  const runs = changeRunsSince(entries, itemId, sinceVersion);
  // Every change loaded so far is newer: the older ones may hold more of them.
  const mayHaveMore = hasNextPage && newer.length === itemChanges.length;

  const boardVersion = useBoard(roadmapId).data?.items.find((i) => i.id === itemId)?.version;
  const newestLogged = itemChanges.reduce((max, e) => Math.max(max, versionOf(e) ?? 0), 0);
  const { refetch } = activity;
  useEffect(() => {
    if (mayHaveMore && !isFetching && pageCount < MAX_PAGES) void fetchNextPage();
  }, [mayHaveMore, isFetching, pageCount, fetchNextPage]);
  const askedFor = useRef<number | undefined>(undefined);
  useEffect(() => {
    // The board already knows a newer version than the log we hold: read the log again, once.
    if (boardVersion === undefined || askedFor.current === boardVersion) return;
    if (activity.isSuccess && !isFetching && boardVersion > newestLogged) {
      askedFor.current = boardVersion;
      void refetch();
    }
  }, [boardVersion, newestLogged, activity.isSuccess, isFetching, refetch]);

  if (activity.isPending) return <p className="text-[13px] opacity-80">Looking up who changed it…</p>;
  // Nothing logged after that version (or the log could not be read): the summary below says what changed.
  if (runs.length === 0) return null;

  return (
    <ul className="flex flex-col gap-0.5">
      {runs.map((run, i) => (
        <li key={`${run.at}-${i}`}>
          Changed by <strong className="font-semibold">{run.actor?.name ?? "a former member"}</strong>{" "}
          <RelativeTime value={run.at} />
          {run.what.length > 0 && <>: {run.what.join(", ")}</>}
        </li>
      ))}
    </ul>
  );
}
