import type { Metadata } from "next";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PageContainer } from "@/components/app-shell/page-container";
import { OnePagerSheet } from "@/components/one-pager/one-pager-sheet";
import { OnePagerToolbar } from "@/components/one-pager/one-pager-toolbar";
import { PrintStyles } from "@/components/one-pager/print-styles";
import { Alert } from "@/components/ui/alert";
import { loadForPage } from "@/lib/server/session";
import { getDashboard } from "@/lib/services/dashboards/build";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { getConfidence } from "@/lib/services/learning/confidence";
import { loadRoadmapPage, prefetchOrSkip } from "../load-roadmap";

type Props = { params: Promise<{ roadmapId: string }> };

const path = (roadmapId: string) => `/roadmaps/${roadmapId}/one-pager`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board } = await loadRoadmapPage(roadmapId, path(roadmapId));
  return { title: `Executive one-pager · ${board.roadmap.title}` };
}

/** The executive dashboard as one printable A4 page (a snapshot of now: printing wants no live updates). */
export default async function OnePagerPage({ params }: Props) {
  const { roadmapId } = await params;
  const { actor, db, board, team } = await loadRoadmapPage(roadmapId, path(roadmapId));
  const dashboard = (await loadForPage(() =>
    getDashboard(db, actor, roadmapId, "executive"),
  )) as ExecutiveDashboard;
  // "P80 moved 9 working days later since the last review": from the recorded forecasts, if any.
  const confidence = await prefetchOrSkip(() => getConfidence(db, actor, roadmapId, "pert"));
  const finishTrend = confidence?.projectFinish.trend ?? null;
  return (
    <PageContainer className="print:max-w-none print:p-0">
      <CurrentTeamMarker slug={team.slug} />
      <PrintStyles />
      <OnePagerToolbar roadmapId={roadmapId} roadmapTitle={board.roadmap.title} />
      {dashboard.keyMilestones.length === 0 && (
        <Alert tone="info" className="mx-auto mb-4 max-w-[210mm] print:hidden">
          Mark the milestones that matter most as key on the timeline: the brief lists those.
        </Alert>
      )}
      <OnePagerSheet dashboard={dashboard} finishTrend={finishTrend} />
    </PageContainer>
  );
}
