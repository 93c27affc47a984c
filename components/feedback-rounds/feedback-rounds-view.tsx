"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { MessageIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFeedbackRounds } from "@/lib/client/feedback-rounds";
import { partitionRounds } from "./feedback-facts";
import { OpenRoundButton } from "./open-round-dialog";
import { RoundList } from "./round-list";

/** The feedback page below its header: open rounds, then closed ones; editors open new ones. */
export function FeedbackRoundsView({ roadmapId, canEdit }: { roadmapId: string; canEdit: boolean }) {
  const rounds = useFeedbackRounds(roadmapId);

  if (!rounds.data) {
    return rounds.error ? (
      <LoadError
        title="The feedback rounds could not be loaded"
        error={rounds.error}
        onRetry={rounds.refetch}
      />
    ) : (
      <LoadingStatus label="Loading the feedback rounds…" className="flex flex-col gap-3">
        <Skeleton className="h-5 w-32" />
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-20 w-full" />
      </LoadingStatus>
    );
  }

  if (rounds.data.length === 0) {
    return (
      <EmptyState
        icon={<MessageIcon className="size-5" />}
        title="No feedback rounds yet"
        description={
          <p>
            A feedback round asks executives, engineering or product how confident they are in this version of
            the roadmap: a rating from 1 to 5 overall and for each milestone and feature, with comments.
            Results add up as people answer, so you see where confidence is low before the next review.
          </p>
        }
        action={
          canEdit ? (
            <OpenRoundButton roadmapId={roadmapId} />
          ) : (
            <p className="text-sm text-muted">An editor can open one.</p>
          )
        }
      />
    );
  }

  const { open, closed } = partitionRounds(rounds.data);
  return (
    <div className="flex flex-col gap-8">
      {canEdit && (
        <div className="flex justify-end">
          <OpenRoundButton roadmapId={roadmapId} />
        </div>
      )}
      {open.length > 0 ? (
        <RoundList roadmapId={roadmapId} title="Open" titleId="open-rounds" rounds={open} />
      ) : (
        <p className="rounded-xl border border-dashed border-line-strong px-5 py-4 text-sm text-muted">
          No round is open right now.
          {canEdit ? " Open one to ask how confident people are in the plan as it stands." : ""}
        </p>
      )}
      {closed.length > 0 && (
        <RoundList roadmapId={roadmapId} title="Closed" titleId="closed-rounds" rounds={closed} />
      )}
    </div>
  );
}
