import { notFound } from "next/navigation";
import { ScenarioCompare } from "@/components/scenarios/scenario-compare";
import { TextLink } from "@/components/ui/text-link";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { isUuid } from "@/lib/server/uuid";
import { compareScenario } from "@/lib/services/scenarios/compare";
import { prefetchOrSkip } from "../../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../../section-page";

type Props = {
  params: Promise<{ roadmapId: string; scenarioId: string }>;
  searchParams: Promise<{ apply?: string | string[] }>;
};

export const generateMetadata = sectionMetadata("scenarios", "Compare scenario");

/** /roadmaps/:baseId/scenarios/:scenarioId[?apply=1]: a scenario side by side with its live roadmap. */
export default async function CompareScenarioPage({ params, searchParams }: Props) {
  const { scenarioId } = await params;
  if (!isUuid(scenarioId)) notFound();
  const page = await loadSectionPage(params, "scenarios");
  const { roadmapId, actor, db, board } = page;
  const { apply } = await searchParams;
  const comparison = await prefetchOrSkip(() => compareScenario(db, actor, scenarioId));
  // A refusal (404, another team) is left to the browser, which shows the message; a scenario of
  // another roadmap of the team is not found here.
  if (comparison && comparison.scenario.baseRoadmapId !== roadmapId) notFound();
  return (
    <SectionPage
      page={page}
      section="scenarios"
      title="Compare scenario"
      description={
        <>
          The scenario against the live roadmap as it is now.{" "}
          <TextLink href={`/roadmaps/${roadmapId}/scenarios`}>All scenarios</TextLink>
        </>
      }
      entries={comparison ? [[queryKeys.scenarioCompare(roadmapId, scenarioId), comparison] as const] : []}
    >
      <ScenarioCompare
        baseId={roadmapId}
        scenarioId={scenarioId}
        canEdit={canEditRoadmaps(board.role)}
        openApply={apply === "1"}
      />
    </SectionPage>
  );
}
