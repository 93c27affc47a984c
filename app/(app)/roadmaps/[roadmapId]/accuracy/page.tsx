import { AccuracyView } from "@/components/accuracy/accuracy-view";
import { queryKeys } from "@/lib/client/query-keys";
import { getEstimateAccuracy } from "@/lib/services/learning/accuracy";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("accuracy", "Estimate accuracy");

export default async function EstimateAccuracyPage({ params }: Props) {
  const page = await loadSectionPage(params, "accuracy");
  const { roadmapId, actor, db } = page;
  const team = await prefetchOrSkip(() => getEstimateAccuracy(db, actor, roadmapId, "team"));
  return (
    <SectionPage
      page={page}
      section="accuracy"
      title="Estimate accuracy"
      description="How long the team’s done features really took against their estimates, across all its roadmaps: the bias to correct for, and the misses to learn from."
      entries={team ? [[queryKeys.estimateAccuracy(roadmapId, "team"), team]] : []}
    >
      <AccuracyView roadmapId={roadmapId} />
    </SectionPage>
  );
}
