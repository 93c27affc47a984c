import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FeedbackRoundView } from "@/components/feedback-rounds/feedback-round-view";
import { queryKeys } from "@/lib/client/query-keys";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { loadForPage } from "@/lib/server/session";
import { isUuid } from "@/lib/server/uuid";
import { getFeedbackRound } from "@/lib/services/feedback-rounds/rounds";
import { loadRoadmapPage } from "../../load-roadmap";
import { SectionPage } from "../../section-page";

type Props = { params: Promise<{ roadmapId: string; roundId: string }> };

/** The roadmap page and the round, which must belong to that roadmap (anything else is the 404 page). */
async function loadRoundPage(params: Props["params"]) {
  const { roadmapId, roundId } = await params;
  const page = await loadRoadmapPage(roadmapId, `/roadmaps/${roadmapId}/feedback/${roundId}`);
  if (!isUuid(roundId)) notFound();
  const detail = await loadForPage(() => getFeedbackRound(page.db, page.actor, roundId));
  if (detail.round.roadmapId !== roadmapId) notFound();
  return { page: { ...page, roadmapId }, detail };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await loadRoundPage(params);
  return { title: `Feedback round · ${page.board.roadmap.title} · ${page.team.name}` };
}

export default async function FeedbackRoundPage({ params }: Props) {
  const { page, detail } = await loadRoundPage(params);
  const { roadmapId, board } = page;
  return (
    <SectionPage
      page={page}
      section="feedback"
      title="Feedback round"
      description="How confident people are in the roadmap as it was when the round opened."
      entries={[[queryKeys.feedbackRound(roadmapId, detail.round.id), detail]]}
    >
      <FeedbackRoundView
        roadmapId={roadmapId}
        roundId={detail.round.id}
        role={board.role}
        canEdit={canEditRoadmaps(board.role)}
      />
    </SectionPage>
  );
}
