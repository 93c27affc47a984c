import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { RoadmapIcon } from "@/components/ui/icons";
import { scenarioCompareHref } from "./scenario-links";

/** A scenario's own Scenarios page: scenarios are made from the live roadmap, not from a copy. */
export function ScenarioOfScenarioNote({ baseId, scenarioId }: { baseId: string; scenarioId: string }) {
  return (
    <EmptyState
      icon={<RoadmapIcon className="size-5" />}
      title="This roadmap is itself a scenario"
      description="Scenarios are made from the live roadmap. Compare this one with it, or see the live roadmap's other scenarios."
      action={
        <div className="flex flex-wrap justify-center gap-2">
          <ButtonLink variant="primary" href={scenarioCompareHref(baseId, scenarioId)}>
            Compare with live
          </ButtonLink>
          <ButtonLink variant="secondary" href={`/roadmaps/${baseId}/scenarios`}>
            All scenarios
          </ButtonLink>
        </div>
      }
    />
  );
}
