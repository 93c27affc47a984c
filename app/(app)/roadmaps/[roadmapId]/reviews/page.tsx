import { ReviewsView } from "@/components/reviews/reviews-view";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { getCadence } from "@/lib/services/reviews/cadence";
import { listReviews } from "@/lib/services/reviews/reviews";
import { listSnapshots } from "@/lib/services/snapshots/queries";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("reviews", "Reviews");

export default async function RoadmapReviewsPage({ params }: Props) {
  const page = await loadSectionPage(params, "reviews");
  const { roadmapId, actor, db, board } = page;
  const [cadence, reviews, snapshots] = await Promise.all([
    prefetchOrSkip(() => getCadence(db, actor, roadmapId)),
    prefetchOrSkip(() => listReviews(db, actor, roadmapId)),
    prefetchOrSkip(() => listSnapshots(db, actor, roadmapId)),
  ]);
  return (
    <SectionPage
      page={page}
      section="reviews"
      title="Reviews"
      description="When each audience reviews the roadmap, what was decided, and what changed since."
      entries={[
        ...(cadence ? [[queryKeys.cadence(roadmapId), cadence] as const] : []),
        ...(reviews ? [[queryKeys.reviews(roadmapId), reviews] as const] : []),
        ...(snapshots ? [[queryKeys.snapshots(roadmapId), snapshots] as const] : []),
      ]}
    >
      <ReviewsView roadmapId={roadmapId} canEdit={canEditRoadmaps(board.role)} />
    </SectionPage>
  );
}
