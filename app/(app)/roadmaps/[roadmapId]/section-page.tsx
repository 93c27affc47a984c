import type { QueryKey } from "@tanstack/react-query";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { RoadmapLiveSync } from "@/components/roadmaps/roadmap-live-sync";
import { RoadmapPageHeader } from "@/components/roadmaps/roadmap-page-header";
import type { RoadmapSection } from "@/components/roadmaps/roadmap-section-nav";
import { queryKeys } from "@/lib/client/query-keys";
import { loadRoadmapPage } from "./load-roadmap";

type Section = Exclude<RoadmapSection, "timeline">;
type SectionPage = Awaited<ReturnType<typeof loadRoadmapPage>> & { roadmapId: string };

/** One of a roadmap's sub-pages (capacity, risks, …) loaded for its `params`: see loadRoadmapPage. */
export async function loadSectionPage(
  params: Promise<{ roadmapId: string }>,
  section: Section,
): Promise<SectionPage> {
  const { roadmapId } = await params;
  const page = await loadRoadmapPage(roadmapId, `/roadmaps/${roadmapId}/${section}`);
  return { ...page, roadmapId };
}

/** The sub-page's `generateMetadata`: "<title> · <roadmap> · <team>". */
export function sectionMetadata(section: Section, title: string) {
  return async function generateMetadata({
    params,
  }: {
    params: Promise<{ roadmapId: string }>;
  }): Promise<Metadata> {
    const { board, team } = await loadSectionPage(params, section);
    return { title: `${title} · ${board.roadmap.title} · ${team.name}` };
  };
}

/**
 * The frame of a roadmap's sub-page: the board and members (plus `entries`) handed to the browser,
 * the current team, live updates (unless `liveSync` is false) and the header above `children`.
 */
export function SectionPage({
  page: { roadmapId, board, team, members },
  section,
  title,
  description,
  entries = [],
  liveSync = true,
  className,
  children,
}: {
  page: SectionPage;
  section: Section;
  title: string;
  description: ReactNode;
  entries?: ReadonlyArray<readonly [QueryKey, unknown]>;
  liveSync?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <HydrateQueries
      entries={[[queryKeys.board(roadmapId), board], [queryKeys.members(team.id), members], ...entries]}
    >
      <CurrentTeamMarker slug={team.slug} />
      {liveSync && <RoadmapLiveSync roadmapId={roadmapId} since={board.seq} />}
      <PageContainer className={className}>
        <RoadmapPageHeader
          roadmap={board.roadmap}
          team={team}
          role={board.role}
          section={section}
          title={title}
          description={description}
        />
        {children}
      </PageContainer>
    </HydrateQueries>
  );
}
