import { CalendarFeedCard } from "@/components/sharing/calendar-feed-card";
import { ExportsCard } from "@/components/sharing/exports-card";
import { PicturesCard } from "@/components/sharing/pictures-card";
import { PresentationFormatsCard } from "@/components/sharing/presentation-formats-card";
import { ShareLinksCard } from "@/components/sharing/share-links-card";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { listShareLinks } from "@/lib/services/share-links/share-links";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("share", "Share & export");

export default async function RoadmapSharePage({ params }: Props) {
  const page = await loadSectionPage(params, "share");
  const { roadmapId, board, actor, db } = page;
  const canEdit = canEditRoadmaps(board.role);
  // Only editors may list links; others get the explanation instead.
  const links = canEdit ? await prefetchOrSkip(() => listShareLinks(db, actor, roadmapId)) : undefined;
  return (
    <SectionPage
      page={page}
      section="share"
      title="Share & export"
      description="Give people outside the team a read-only view, take the plan to a meeting, or download it."
      entries={links ? [[queryKeys.shareLinks(roadmapId), links]] : []}
    >
      <div className="flex flex-col gap-6">
        <ShareLinksCard roadmapId={roadmapId} canEdit={canEdit} />
        <PicturesCard
          roadmapId={roadmapId}
          roadmapTitle={board.roadmap.title}
          startDate={board.roadmap.startDate}
          horizonMonths={board.roadmap.horizonMonths}
        />
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <ExportsCard roadmapId={roadmapId} />
          <div className="flex flex-col gap-6">
            <PresentationFormatsCard roadmapId={roadmapId} />
            <CalendarFeedCard roadmapId={roadmapId} />
          </div>
        </div>
      </div>
    </SectionPage>
  );
}
