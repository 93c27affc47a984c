import type { Metadata } from "next";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PageContainer } from "@/components/app-shell/page-container";
import { ForecastView } from "@/components/forecast/forecast-view";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { RoadmapLiveSync } from "@/components/roadmaps/roadmap-live-sync";
import { RoadmapPageHeader } from "@/components/roadmaps/roadmap-page-header";
import { queryKeys } from "@/lib/client/query-keys";
import { listRisks } from "@/lib/services/risks";
import { loadRoadmapPage, prefetchOrSkip } from "../load-roadmap";

type Props = { params: Promise<{ roadmapId: string }> };

const path = (roadmapId: string) => `/roadmaps/${roadmapId}/forecast`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board, team } = await loadRoadmapPage(roadmapId, path(roadmapId));
  return { title: `Forecast · ${board.roadmap.title} · ${team.name}` };
}

/** The forecast itself runs in the browser's request, so that its progress can be shown. */
export default async function RoadmapForecastPage({ params }: Props) {
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
          section="forecast"
          title="Forecast"
          description="When will each milestone really land? Dates with their odds, from the estimates and the open risks."
        />
        <ForecastView roadmapId={roadmapId} />
      </PageContainer>
    </HydrateQueries>
  );
}
