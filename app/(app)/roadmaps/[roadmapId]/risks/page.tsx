import { RisksView } from "@/components/risks/risks-view";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { listRisks } from "@/lib/services/risks/list";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("risks", "Risks");

export default async function RoadmapRisksPage({ params }: Props) {
  const page = await loadSectionPage(params, "risks");
  const { roadmapId, actor, db, board, team } = page;
  const risks = await prefetchOrSkip(() => listRisks(db, actor, roadmapId));
  return (
    <SectionPage
      page={page}
      section="risks"
      title="Risks"
      description="What could stop or slow the plan, how likely and how bad, who owns it and what happens if it does."
      entries={risks ? [[queryKeys.risks(roadmapId), risks]] : []}
    >
      <RisksView roadmapId={roadmapId} teamId={team.id} canEdit={canEditRoadmaps(board.role)} />
    </SectionPage>
  );
}
