"use client";

import { useMemo } from "react";
import { Card } from "@/components/ui/card";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { useActivity, useActivityNames } from "@/lib/client/activity";
import { ActivityFeed } from "./activity-feed";
import { ACTIVITY_KINDS, type ActivityKind } from "./activity-kinds";
import { makeNameBook } from "./activity-names";

/** The roadmap's activity page (below its header): filters by kind of change, the feed grouped by day. */
export function RoadmapActivity({ roadmapId, kind }: { roadmapId: string; kind: ActivityKind }) {
  // The server filters by kind, so every page is full and "Load older" always adds entries.
  const activity = useActivity(roadmapId, undefined, {
    entity: kind === "all" ? undefined : ACTIVITY_KINDS[kind].entity,
  });
  const sources = useActivityNames(roadmapId);
  const entries = activity.entries;
  const names = useMemo(() => makeNameBook(sources, entries), [sources, entries]);
  const base = `/roadmaps/${roadmapId}/activity`;

  return (
    <>
      <FilterTabs
        label="Kind of change"
        className="mb-4"
        tabs={[
          { href: base, label: "All changes", active: kind === "all" },
          ...Object.entries(ACTIVITY_KINDS).map(([key, info]) => ({
            href: `${base}?kind=${key}`,
            label: info.label,
            active: kind === key,
          })),
        ]}
      />
      <Card className="px-4 pt-4 pb-2 sm:px-6">
        <ActivityFeed
          entries={entries}
          names={names}
          state={{
            status: activity.status,
            error: activity.error,
            hasNextPage: activity.hasNextPage,
            isFetchingNextPage: activity.isFetchingNextPage,
            fetchNextPage: () => void activity.fetchNextPage(),
            refetch: activity.refetch,
          }}
          empty={
            kind === "all"
              ? "Nothing has changed on this roadmap yet."
              : `No changes to ${ACTIVITY_KINDS[kind].label.toLowerCase()} yet.`
          }
          end={
            kind === "all"
              ? "That is the beginning of this roadmap’s history."
              : "No older changes of this kind."
          }
        />
      </Card>
    </>
  );
}
