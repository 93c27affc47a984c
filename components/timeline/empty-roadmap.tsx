import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, RoadmapIcon } from "@/components/ui/icons";

/** A roadmap with no lanes and no items: how to start (editors), or that nobody has yet. */
export function EmptyRoadmap({ canEdit, onAddLane }: { canEdit: boolean; onAddLane: () => void }) {
  return (
    <EmptyState
      icon={<RoadmapIcon className="size-5" />}
      title={canEdit ? "Add a lane (workstream) to start" : "This roadmap is empty"}
      description={
        canEdit
          ? "Lanes are the rows of the timeline: a team or a strand of work, e.g. “Checkout” or “Mobile”. Then add features and milestones to them."
          : "Nobody has added lanes or items yet. Editors and owners of the team build the plan."
      }
      action={
        canEdit ? (
          <Button variant="primary" icon={<PlusIcon className="size-4" />} onClick={onAddLane}>
            Add a lane
          </Button>
        ) : null
      }
    />
  );
}
