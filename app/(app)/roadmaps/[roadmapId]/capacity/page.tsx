import type { Metadata } from "next";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { CapacityView } from "@/components/resources/capacity-view";
import { RoadmapLiveSync } from "@/components/roadmaps/roadmap-live-sync";
import { RoadmapPageHeader } from "@/components/roadmaps/roadmap-page-header";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/client/roles";
import { getCapacity } from "@/lib/services/capacity";
import { listSkills } from "@/lib/services/skills";
import { getStaffing } from "@/lib/services/staffing";
import { loadRoadmapPage, prefetchOrSkip } from "../load-roadmap";

type Props = { params: Promise<{ roadmapId: string }> };

const path = (roadmapId: string) => `/roadmaps/${roadmapId}/capacity`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board, team } = await loadRoadmapPage(roadmapId, path(roadmapId));
  return { title: `Capacity · ${board.roadmap.title} · ${team.name}` };
}

export default async function RoadmapCapacityPage({ params }: Props) {
  const { roadmapId } = await params;
  const { actor, db, board, team, members } = await loadRoadmapPage(roadmapId, path(roadmapId));
  const [skills, staffing, capacity] = await Promise.all([
    prefetchOrSkip(() => listSkills(db, actor, team.id)),
    prefetchOrSkip(() => getStaffing(db, actor, roadmapId)),
    prefetchOrSkip(() => getCapacity(db, actor, roadmapId)),
  ]);
  return (
    <HydrateQueries
      entries={[
        [queryKeys.board(roadmapId), board],
        [queryKeys.members(team.id), members],
        ...(skills ? [[queryKeys.skills(team.id), skills] as const] : []),
        ...(staffing ? [[queryKeys.staffing(roadmapId), staffing] as const] : []),
        ...(capacity ? [[queryKeys.capacity(roadmapId), capacity] as const] : []),
      ]}
    >
      <CurrentTeamMarker slug={team.slug} />
      <RoadmapLiveSync roadmapId={roadmapId} since={board.seq} />
      <PageContainer>
        <RoadmapPageHeader
          roadmap={board.roadmap}
          team={team}
          role={board.role}
          section="capacity"
          title="Capacity"
          description="Is each quarter staffed? Demand from the features’ skill hours against the people planned, the staffing plan, and whom to hire by when."
        />
        <CapacityView
          roadmapId={roadmapId}
          team={{ id: team.id, slug: team.slug }}
          canEdit={canEditRoadmaps(board.role)}
        />
      </PageContainer>
    </HydrateQueries>
  );
}
