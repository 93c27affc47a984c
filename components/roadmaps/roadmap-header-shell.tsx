import Link from "next/link";
import type { ReactNode } from "react";
import { ScenarioBanner } from "@/components/scenarios/scenario-banner";
import { textLinkClasses } from "@/components/ui/text-link";
import type { Role } from "@/lib/validation/common";
import { RoadmapSectionNav, type RoadmapSection } from "./roadmap-section-nav";

export interface Crumb {
  label: string;
  /** Left out for the page itself (the last crumb). */
  href?: string;
}

/**
 * What every roadmap page's header shares, the timeline's and its sub-pages': the breadcrumb from
 * the team, the scenario banner on a what-if scenario, and the roadmap's sections below `children`.
 */
export function RoadmapHeaderShell({
  roadmap,
  team,
  role,
  crumbs,
  section,
  className,
  children,
}: {
  /** A scenario (kind "scenario" with its base) carries the scenario banner. */
  roadmap: { id: string; title: string; kind?: "roadmap" | "scenario"; baseRoadmapId?: string | null };
  team: { name: string; slug: string };
  role: Role;
  /** The trail after the team, ending with the page itself. */
  crumbs: Crumb[];
  section: RoadmapSection;
  className?: string;
  children: ReactNode;
}) {
  return (
    <header className={className ?? "flex flex-col gap-3"}>
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1.5 text-[13px] text-muted">
          <li>
            <Link href={`/teams/${team.slug}`} className={textLinkClasses}>
              {team.name}
            </Link>
          </li>
          {crumbs.map((crumb, i) => (
            <CrumbItem key={i} crumb={crumb} />
          ))}
        </ol>
      </nav>
      {roadmap.kind === "scenario" && roadmap.baseRoadmapId && (
        <ScenarioBanner
          scenario={{ id: roadmap.id, title: roadmap.title, baseRoadmapId: roadmap.baseRoadmapId }}
          role={role}
        />
      )}
      {children}
      <RoadmapSectionNav roadmapId={roadmap.id} current={section} />
    </header>
  );
}

function CrumbItem({ crumb }: { crumb: Crumb }) {
  return (
    <>
      <li aria-hidden="true">/</li>
      {crumb.href ? (
        <li className="max-w-[16rem] truncate">
          <Link href={crumb.href} className="hover:text-ink hover:underline">
            {crumb.label}
          </Link>
        </li>
      ) : (
        <li aria-current="page" className="max-w-[16rem] truncate text-ink-soft">
          {crumb.label}
        </li>
      )}
    </>
  );
}
