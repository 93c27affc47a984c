import { ForecastView } from "@/components/forecast/forecast-view";
import { queryKeys } from "@/lib/client/query-keys";
import { listRisks } from "@/lib/services/risks/list";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("forecast", "Forecast");

/** The forecast itself runs in the browser's request, so that its progress can be shown. */
export default async function RoadmapForecastPage({ params }: Props) {
  const page = await loadSectionPage(params, "forecast");
  const { roadmapId, actor, db } = page;
  const risks = await prefetchOrSkip(() => listRisks(db, actor, roadmapId));
  return (
    <SectionPage
      page={page}
      section="forecast"
      title="Forecast"
      description="When will each milestone really land? Dates with their odds, from the estimates and the open risks."
      entries={risks ? [[queryKeys.risks(roadmapId), risks]] : []}
    >
      <ForecastView roadmapId={roadmapId} />
    </SectionPage>
  );
}
