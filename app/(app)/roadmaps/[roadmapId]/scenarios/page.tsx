import { ScenarioList } from "@/components/scenarios/scenario-list";
import { ScenarioOfScenarioNote } from "@/components/scenarios/scenario-of-scenario-note";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { queryKeys } from "@/lib/client/query-keys";
import { listScenarios } from "@/lib/services/scenarios/scenarios";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = { params: Promise<{ roadmapId: string }> };

export const generateMetadata = sectionMetadata("scenarios", "Scenarios");

/** /roadmaps/:id/scenarios: the what-if scenarios of a live roadmap (a scenario points to its base's). */
export default async function RoadmapScenariosPage({ params }: Props) {
  const page = await loadSectionPage(params, "scenarios");
  const { roadmapId, actor, db, board } = page;
  const { roadmap } = board;
  const isBase = roadmap.kind !== "scenario";
  const scenarios = isBase ? await prefetchOrSkip(() => listScenarios(db, actor, roadmapId)) : undefined;
  return (
    <SectionPage
      page={page}
      section="scenarios"
      title="Scenarios"
      description="Try a change on a copy of the roadmap, compare finish dates, confidence and staffing with the live plan, then apply it or throw it away."
      entries={scenarios ? [[queryKeys.scenarios(roadmapId), scenarios] as const] : []}
    >
      {!isBase && roadmap.baseRoadmapId ? (
        <ScenarioOfScenarioNote baseId={roadmap.baseRoadmapId} scenarioId={roadmapId} />
      ) : (
        <ScenarioList baseId={roadmapId} canEdit={canEditRoadmaps(board.role)} />
      )}
    </SectionPage>
  );
}
