import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { activityKindOf } from "@/components/activity/activity-kinds";
import { RoadmapActivity } from "@/components/activity/roadmap-activity";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { queryKeys } from "@/lib/client/query-keys";
import { loadForPage, requirePageActor } from "@/lib/server/session";
import { getBoard } from "@/lib/services/board";
import { listMembers } from "@/lib/services/members";
import { getTeam } from "@/lib/services/teams";

type Props = {
  params: Promise<{ roadmapId: string }>;
  searchParams: Promise<{ kind?: string | string[] }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The board (the names the feed shows), its team and the members, once per request. */
const loadActivityPage = cache(async (roadmapId: string) => {
  if (!UUID.test(roadmapId)) notFound();
  const { actor, db } = await requirePageActor(`/roadmaps/${roadmapId}/activity`);
  const board = await loadForPage(() => getBoard(db, actor, roadmapId));
  const [{ team }, members] = await Promise.all([
    loadForPage(() => getTeam(db, actor, board.roadmap.teamId)),
    listMembers(db, actor, board.roadmap.teamId),
  ]);
  return { board, team, members };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board, team } = await loadActivityPage(roadmapId);
  return { title: `Activity · ${board.roadmap.title} · ${team.name}` };
}

export default async function RoadmapActivityPage({ params, searchParams }: Props) {
  const [{ roadmapId }, { kind }] = await Promise.all([params, searchParams]);
  const { board, team, members } = await loadActivityPage(roadmapId);
  return (
    <HydrateQueries
      entries={[
        [queryKeys.board(roadmapId), board],
        [queryKeys.members(team.id), members],
      ]}
    >
      <CurrentTeamMarker slug={team.slug} />
      <PageContainer className="max-w-4xl">
        <RoadmapActivity
          roadmapId={roadmapId}
          roadmapTitle={board.roadmap.title}
          kind={activityKindOf(kind)}
        />
      </PageContainer>
    </HydrateQueries>
  );
}
