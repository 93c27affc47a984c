import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { TimelineEditor } from "@/components/timeline/timeline-editor";
import { queryKeys } from "@/lib/client/query-keys";
import { loadForPage, requirePageActor } from "@/lib/server/session";
import { isUuid } from "@/lib/server/uuid";
import { getBoard, scheduleOf } from "@/lib/services/roadmaps/board";
import { AppError } from "@/lib/services/kernel/errors";
import { listMembers } from "@/lib/services/teams/members";
import { listPhases } from "@/lib/services/phases/list";
import { getTeam } from "@/lib/services/teams/teams";

type Params = { params: Promise<{ roadmapId: string }> };

/** The board, its team and the members, once per request (metadata and page both ask). */
const loadRoadmapPage = cache(async (roadmapId: string) => {
  if (!isUuid(roadmapId)) notFound();
  const { actor, db } = await requirePageActor(`/roadmaps/${roadmapId}`);
  const board = await loadForPage(() => getBoard(db, actor, roadmapId));
  // The phase bands come with the board, so they draw with the first paint.
  const [{ team }, members, phases] = await Promise.all([
    loadForPage(() => getTeam(db, actor, board.roadmap.teamId)),
    listMembers(db, actor, board.roadmap.teamId),
    listPhases(db, actor, roadmapId),
  ]);
  return { board, team, members, phases };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board, team } = await loadRoadmapPage(roadmapId);
  return { title: `${board.roadmap.title} · ${team.name}` };
}

export default async function RoadmapTimelinePage({ params }: Params) {
  const { roadmapId } = await params;
  const { board, team, members, phases } = await loadRoadmapPage(roadmapId);
  let schedule: ReturnType<typeof scheduleOf> | null = null;
  let scheduleProblem: string | null = null;
  try {
    schedule = scheduleOf(board);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    scheduleProblem = error.message;
  }

  return (
    <HydrateQueries
      entries={[
        [queryKeys.board(roadmapId), board],
        ...(schedule ? [[queryKeys.schedule(roadmapId), schedule] as const] : []),
        [queryKeys.members(team.id), members],
        [queryKeys.phases(roadmapId), phases],
      ]}
    >
      <CurrentTeamMarker slug={team.slug} />
      <TimelineEditor
        roadmapId={roadmapId}
        team={{ id: team.id, name: team.name, slug: team.slug }}
        scheduleProblem={scheduleProblem}
      />
    </HydrateQueries>
  );
}
