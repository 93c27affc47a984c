import { FeedbackRoundsView } from "@/components/feedback-rounds/feedback-rounds-view";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { listFeedbackRounds } from "@/lib/services/feedback-rounds/rounds";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("feedback", "Feedback");

export default async function RoadmapFeedbackPage({ params }: Props) {
  const page = await loadSectionPage(params, "feedback");
  const { roadmapId, actor, db, board } = page;
  const rounds = await prefetchOrSkip(() => listFeedbackRounds(db, actor, roadmapId));
  return (
    <SectionPage
      page={page}
      section="feedback"
      title="Feedback"
      description="Ask an audience how confident they are in this version of the roadmap, and see where confidence is low."
      entries={rounds ? [[queryKeys.feedbackRounds(roadmapId), rounds]] : []}
    >
      <FeedbackRoundsView roadmapId={roadmapId} canEdit={canEditRoadmaps(board.role)} />
    </SectionPage>
  );
}
