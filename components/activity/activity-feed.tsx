"use client";

import { useId } from "react";
import { useDateText } from "@/components/timeline/dates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
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
      <div role="status" className="flex flex-col gap-4 py-3">
        <span className="sr-only">Loading the activity…</span>
        {[0, 1, 2].map((i) => (
          <div key={i} className="flex gap-3">
            <Skeleton className="size-7 rounded-full" />
            <div className="flex flex-1 flex-col gap-2">
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-4 w-1/2" />
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (state.status === "error" && entries.length === 0) {
    return (
      <Alert
        tone="error"
        title="The activity could not be loaded"
        actions={
          <Button size="sm" variant="secondary" onClick={() => state.refetch()}>
            Try again
          </Button>
        }
      >
        {errorMessage(state.error)}
      </Alert>
    );
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
          <Button
            variant="secondary"
            size="sm"
            loading={state.isFetchingNextPage}
            onClick={() => state.fetchNextPage()}
          >
            {state.isFetchingNextPage ? "Loading older changes…" : "Load older"}
          </Button>
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
