import type { Metadata } from "next";
import { activityKindOf } from "@/components/activity/activity-kinds";
import { RoadmapActivity } from "@/components/activity/roadmap-activity";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { RoadmapPageHeader } from "@/components/roadmaps/roadmap-page-header";
import { queryKeys } from "@/lib/client/query-keys";
import { loadRoadmapPage } from "../load-roadmap";

type Props = {
  params: Promise<{ roadmapId: string }>;
  searchParams: Promise<{ kind?: string | string[] }>;
};

const path = (roadmapId: string) => `/roadmaps/${roadmapId}/activity`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board, team } = await loadRoadmapPage(roadmapId, path(roadmapId));
  return { title: `Activity · ${board.roadmap.title} · ${team.name}` };
}

export default async function RoadmapActivityPage({ params, searchParams }: Props) {
  const [{ roadmapId }, { kind }] = await Promise.all([params, searchParams]);
  const { board, team, members } = await loadRoadmapPage(roadmapId, path(roadmapId));
  return (
    <HydrateQueries
      entries={[
        [queryKeys.board(roadmapId), board],
        [queryKeys.members(team.id), members],
      ]}
    >
      <CurrentTeamMarker slug={team.slug} />
      <PageContainer className="max-w-4xl">
        <RoadmapPageHeader
          roadmap={board.roadmap}
          team={team}
          role={board.role}
          section="activity"
          title="Activity"
          description={
            <>
              Who changed what on <span className="font-medium text-ink">{board.roadmap.title}</span>, newest
              first.
            </>
          }
        />
        <RoadmapActivity roadmapId={roadmapId} kind={activityKindOf(kind)} />
      </PageContainer>
    </HydrateQueries>
  );
}
