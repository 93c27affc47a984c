import { PhasesView } from "@/components/phases/phases-view";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { getCapacity } from "@/lib/services/staffing/capacity";
import { listPhases } from "@/lib/services/phases/list";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("phases", "Phases");

export default async function RoadmapPhasesPage({ params }: Props) {
  const page = await loadSectionPage(params, "phases");
  const { roadmapId, actor, db, board } = page;
  const [phases, capacity] = await Promise.all([
    prefetchOrSkip(() => listPhases(db, actor, roadmapId)),
    prefetchOrSkip(() => getCapacity(db, actor, roadmapId)),
  ]);
  return (
    <SectionPage
      page={page}
      section="phases"
      title="Phases"
      description="The roadmap cut into named phases, each ending in a go/no-go gate whose decision is recorded, with the hours each phase asks of every skill."
      entries={[
        ...(phases ? [[queryKeys.phases(roadmapId), phases] as const] : []),
        ...(capacity ? [[queryKeys.capacity(roadmapId), capacity] as const] : []),
      ]}
    >
      <PhasesView roadmapId={roadmapId} canEdit={canEditRoadmaps(board.role)} />
    </SectionPage>
  );
}
