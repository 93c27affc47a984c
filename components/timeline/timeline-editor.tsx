"use client";

import { useEffect } from "react";
import { whenIdle } from "@/components/ui/lazy-dialog";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useMembers } from "@/lib/client/members";
import { useBoard, useSchedule } from "@/lib/client/timeline";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { TimelineBoardContext } from "./auto-schedule-menu";
import { preloadItemPanel } from "./lazy-item-panel";
import { TimelineWorkspace } from "./timeline-workspace";
import { preloadWorkspaceDialogs } from "./workspace-dialogs";

/**
 * The roadmap's main page: the board and schedule arrive as query data from the server render and
 * stay live through TanStack Query (the schedule is read again after every change).
 */
export function TimelineEditor({
  roadmapId,
  team,
  scheduleProblem,
}: {
  roadmapId: string;
  team: { id: string; name: string; slug: string };
  /** Set when the server could not compute the schedule (a loop that slipped in through an import). */
  scheduleProblem: string | null;
}) {
  const board = useBoard(roadmapId);
  const schedule = useSchedule(roadmapId);
  const members = useMembers(team.id);
  const role = board.data?.role;

  // The item panel and the dialogs are not first-load JavaScript; fetch them once the page is idle
  // so that the first opening does not wait for the network.
  useEffect(() => {
    if (!role) return;
    return whenIdle(() => {
      preloadItemPanel();
      preloadWorkspaceDialogs(canEditRoadmaps(role));
    });
  }, [role]);

  if (!board.data) {
    return (
      <div className="mx-auto w-full max-w-[1600px] px-3 py-4 sm:px-6">
        {board.error ? (
          <LoadError title="The roadmap could not be loaded" error={board.error} onRetry={board.refetch} />
        ) : (
          <LoadingStatus label="Loading the roadmap…">
            <Skeleton className="h-7 w-72" />
            <Skeleton className="mt-4 h-[60vh] w-full" />
          </LoadingStatus>
        )}
      </div>
    );
  }

  return (
    <TimelineBoardContext value={board.data}>
      <TimelineWorkspace
        board={board.data}
        schedule={schedule.data ?? null}
        scheduling={schedule.isFetching}
        scheduleProblem={
          schedule.error ? errorMessage(schedule.error) : schedule.data ? null : scheduleProblem
        }
        members={members.data ?? []}
        team={team}
      />
    </TimelineBoardContext>
  );
}
