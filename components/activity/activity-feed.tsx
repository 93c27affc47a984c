"use client";

import { useId } from "react";
import { useDateText } from "@/lib/client/dates";
import { Alert } from "@/components/ui/alert";
import { LoadError, LoadingStatus, LoadMoreButton } from "@/components/ui/query-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useDateFormat } from "@/lib/client/locale";
import { useNow } from "@/lib/client/relative-time";
import type { ActivityEntry } from "@/lib/validation/collaboration";
import { dayLabel, groupByDay, type ActivityDay } from "./activity-days";
import { ActivityEntryRow } from "./activity-entry-row";
import type { NameBook } from "./activity-names";

export interface ActivityFeedState {
  status: "pending" | "error" | "success";
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

/**
 * Changes grouped by day, newest first, with "Load older" while there is more. Used for a whole
 * roadmap (day headings at level 2) and for one item's history (level 3, inside the item panel).
 */
export function ActivityFeed({
  entries,
  names,
  state,
  headingLevel = 2,
  empty,
  end = "That is the beginning of the history.",
}: {
  entries: ActivityEntry[];
  names: NameBook;
  state: ActivityFeedState;
  headingLevel?: 2 | 3;
  /** What to say when there is nothing (after loading everything asked for). */
  empty: string;
  end?: string;
}) {
  const ctx = useDateFormat();
  const now = useNow();
  const dt = useDateText();

  if (state.status === "pending") {
    return (
      <LoadingStatus label="Loading the activity…" className="flex flex-col gap-4 py-3">
        <SkeletonRows count={3} avatar="size-7" lines={["h-4 w-3/4", "h-4 w-1/2"]} />
      </LoadingStatus>
    );
  }
  if (state.status === "error" && entries.length === 0) {
    return <LoadError title="The activity could not be loaded" error={state.error} onRetry={state.refetch} />;
  }

  const days = groupByDay(entries, ctx);
  return (
    <div className="flex flex-col gap-2">
      {days.length === 0 && !state.hasNextPage && <p className="py-4 text-sm text-muted">{empty}</p>}
      {days.map((day) => (
        <ActivityDayGroup
          key={day.key}
          day={day}
          label={dayLabel(day.key, now, ctx)}
          headingLevel={headingLevel}
          names={names}
          dt={dt}
        />
      ))}
      {state.status === "error" && <Alert tone="error">{errorMessage(state.error)}</Alert>}
      <div className="pt-1 pb-2">
        {state.hasNextPage ? (
          <LoadMoreButton query={state} size="sm" label="Load older" loadingLabel="Loading older changes…" />
        ) : (
          entries.length > 0 && <p className="text-[13px] text-muted">{end}</p>
        )}
      </div>
    </div>
  );
}

function ActivityDayGroup({
  day,
  label,
  headingLevel,
  names,
  dt,
}: {
  day: ActivityDay;
  label: string;
  headingLevel: 2 | 3;
  names: NameBook;
  dt: ReturnType<typeof useDateText>;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id}>
      <Heading
        id={id}
        className="border-b border-line pb-1.5 text-xs font-semibold tracking-wide text-muted uppercase"
      >
        {label}
      </Heading>
      <ol className="divide-y divide-line/70">
        {day.entries.map((entry) => (
          <ActivityEntryRow key={entry.id} entry={entry} names={names} dt={dt} />
        ))}
      </ol>
    </section>
  );
}
