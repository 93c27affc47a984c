import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ROLE_INFO, canEditRoadmaps } from "@/lib/validation/roles";
import type { Role } from "@/lib/validation/common";
import { RoadmapHeaderShell } from "./roadmap-header-shell";
import type { RoadmapSection } from "./roadmap-section-nav";

/**
 * The top of a roadmap's sub-page (capacity, risks, forecast, activity): where it sits, what it is,
 * whether the reader may change it, and the roadmap's sections.
 */
export function RoadmapPageHeader({
  roadmap,
  team,
  role,
  section,
  title,
  description,
  actions,
}: {
  /** A scenario (kind "scenario" with its base) carries the scenario banner. */
  roadmap: { id: string; title: string; kind?: "roadmap" | "scenario"; baseRoadmapId?: string | null };
  team: { name: string; slug: string };
  role: Role;
  section: Exclude<RoadmapSection, "timeline">;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <RoadmapHeaderShell
      className="mb-6 flex flex-col gap-3"
      roadmap={roadmap}
      team={team}
      role={role}
      crumbs={[{ label: roadmap.title, href: `/roadmaps/${roadmap.id}` }, { label: title }]}
      section={section}
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0 flex-1 basis-72">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-xl font-semibold tracking-tight text-ink sm:text-2xl">{title}</h1>
            {!canEditRoadmaps(role) && (
              <Badge tone="info">View only · {ROLE_INFO[role].label.toLowerCase()}</Badge>
            )}
          </div>
          {description && <p className="mt-1.5 max-w-3xl text-sm leading-6 text-muted">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </RoadmapHeaderShell>
  );
}
