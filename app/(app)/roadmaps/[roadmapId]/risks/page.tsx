import type { Metadata } from "next";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { RisksView } from "@/components/risks/risks-view";
import { RoadmapLiveSync } from "@/components/roadmaps/roadmap-live-sync";
import { RoadmapPageHeader } from "@/components/roadmaps/roadmap-page-header";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/client/roles";
import { listRisks } from "@/lib/services/risks";
import { loadRoadmapPage, prefetchOrSkip } from "../load-roadmap";

type Props = { params: Promise<{ roadmapId: string }> };

const path = (roadmapId: string) => `/roadmaps/${roadmapId}/risks`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board, team } = await loadRoadmapPage(roadmapId, path(roadmapId));
  return { title: `Risks · ${board.roadmap.title} · ${team.name}` };
}

export default async function RoadmapRisksPage({ params }: Props) {
  const { roadmapId } = await params;
  const { actor, db, board, team, members } = await loadRoadmapPage(roadmapId, path(roadmapId));
  const risks = await prefetchOrSkip(() => listRisks(db, actor, roadmapId));
  return (
    <HydrateQueries
      entries={[
        [queryKeys.board(roadmapId), board],
        [queryKeys.members(team.id), members],
        ...(risks ? [[queryKeys.risks(roadmapId), risks] as const] : []),
      ]}
    >
      <CurrentTeamMarker slug={team.slug} />
      <RoadmapLiveSync roadmapId={roadmapId} since={board.seq} />
      <PageContainer>
        <RoadmapPageHeader
          roadmap={board.roadmap}
          team={team}
          role={board.role}
          section="risks"
          title="Risks"
          description="What could stop or slow the plan, how likely and how bad, who owns it and what happens if it does."
        />
        <RisksView roadmapId={roadmapId} teamId={team.id} canEdit={canEditRoadmaps(board.role)} />
      </PageContainer>
    </HydrateQueries>
  );
}
