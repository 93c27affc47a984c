"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { ChevronRightIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { useActivity, useActivityNames } from "@/lib/client/activity";
import { ActivityFeed } from "./activity-feed";
import { ACTIVITY_KINDS, type ActivityKind } from "./activity-kinds";
import { makeNameBook } from "./activity-names";

/** Entries shown at first, and added by each "Load older". */
const STEP = 20;
/** Pages read at most for one step when a filter matches little. */
const MAX_PAGES_PER_STEP = 8;

/**
 * Reads older pages until the filtered list has `wanted` entries (or the history ends), so that
 * a filter that matches little still shows something, and "Load older" always adds entries.
 */
function useFilledFeed(activity: ReturnType<typeof useActivity>, shown: number, kind: ActivityKind) {
  const [wanted, setWanted] = useState({ kind, count: STEP });
  const pagesThisStep = useRef(0);
  if (wanted.kind !== kind) setWanted({ kind, count: STEP });
  const { hasNextPage, isFetching, fetchNextPage } = activity;
  const missing = shown < wanted.count && hasNextPage;
  useEffect(() => {
    pagesThisStep.current = 0;
  }, [kind]);
  useEffect(() => {
    if (missing && !isFetching && pagesThisStep.current < MAX_PAGES_PER_STEP) {
      pagesThisStep.current += 1;
      void fetchNextPage();
    }
  }, [missing, isFetching, fetchNextPage]);
  return {
    loading: Boolean(missing && isFetching),
    loadOlder: () => {
      pagesThisStep.current = 0;
      setWanted({ kind, count: shown + STEP });
    },
  };
}

/** The roadmap's activity page: filters by kind of change, the feed grouped by day. */
export function RoadmapActivity({
  roadmapId,
  roadmapTitle,
  kind,
}: {
  roadmapId: string;
  roadmapTitle: string;
  kind: ActivityKind;
}) {
  const activity = useActivity(roadmapId);
  const sources = useActivityNames(roadmapId);
  const all = activity.entries;
  const names = useMemo(() => makeNameBook(sources, all), [sources, all]);
  const entries = useMemo(() => {
    if (kind === "all") return all;
    const entities: readonly string[] = ACTIVITY_KINDS[kind].entities;
    return all.filter((e) => entities.includes(e.entity));
  }, [all, kind]);
  const feed = useFilledFeed(activity, entries.length, kind);
  const base = `/roadmaps/${roadmapId}/activity`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <TextLink href={`/roadmaps/${roadmapId}`} className="inline-flex items-center gap-1">
          <ChevronRightIcon className="size-3.5 rotate-180" />
          Back to the timeline
        </TextLink>
      </nav>
      <PageHeader
        title="Activity"
        description={
          <>
            Who changed what on <span className="font-medium text-ink">{roadmapTitle}</span>, newest first.
          </>
        }
      />
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
            isFetchingNextPage: activity.isFetchingNextPage || feed.loading,
            fetchNextPage: feed.loadOlder,
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
