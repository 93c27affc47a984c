import { CapacityView } from "@/components/resources/capacity-view";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { getCapacity } from "@/lib/services/staffing/capacity";
import { listSkills } from "@/lib/services/staffing/skills";
import { getStaffing } from "@/lib/services/staffing/staffing";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("capacity", "Capacity");

export default async function RoadmapCapacityPage({ params }: Props) {
  const page = await loadSectionPage(params, "capacity");
  const { roadmapId, actor, db, board, team } = page;
  const [skills, staffing, capacity] = await Promise.all([
    prefetchOrSkip(() => listSkills(db, actor, team.id)),
    prefetchOrSkip(() => getStaffing(db, actor, roadmapId)),
    prefetchOrSkip(() => getCapacity(db, actor, roadmapId)),
  ]);
  return (
    <SectionPage
      page={page}
      section="capacity"
      title="Capacity"
      description="Is each quarter staffed? Demand from the features’ skill hours against the people planned, the staffing plan, and whom to hire by when."
      entries={[
        ...(skills ? [[queryKeys.skills(team.id), skills] as const] : []),
        ...(staffing ? [[queryKeys.staffing(roadmapId), staffing] as const] : []),
        ...(capacity ? [[queryKeys.capacity(roadmapId), capacity] as const] : []),
      ]}
    >
      <CapacityView
        roadmapId={roadmapId}
        team={{ id: team.id, slug: team.slug }}
        canEdit={canEditRoadmaps(board.role)}
      />
    </SectionPage>
  );
}
