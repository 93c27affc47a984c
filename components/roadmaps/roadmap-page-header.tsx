import Link from "next/link";
import type { ReactNode } from "react";
import { ScenarioBanner } from "@/components/scenarios/scenario-banner";
import { Badge } from "@/components/ui/badge";
import { textLinkClasses } from "@/components/ui/text-link";
import { ROLE_INFO, canEditRoadmaps } from "@/lib/client/roles";
import type { Role } from "@/lib/validation/common";
import { RoadmapSectionNav, type RoadmapSection } from "./roadmap-section-nav";

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
    <header className="mb-6 flex flex-col gap-3">
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1.5 text-[13px] text-muted">
          <li>
            <Link href={`/teams/${team.slug}`} className={textLinkClasses}>
              {team.name}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li className="max-w-[16rem] truncate">
            <Link href={`/roadmaps/${roadmap.id}`} className="hover:text-ink hover:underline">
              {roadmap.title}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="text-ink-soft">
            {title}
          </li>
        </ol>
      </nav>
      {roadmap.kind === "scenario" && roadmap.baseRoadmapId && (
        <ScenarioBanner
          scenario={{ id: roadmap.id, title: roadmap.title, baseRoadmapId: roadmap.baseRoadmapId }}
          role={role}
        />
      )}
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
      <RoadmapSectionNav roadmapId={roadmap.id} current={section} />
    </header>
  );
}
