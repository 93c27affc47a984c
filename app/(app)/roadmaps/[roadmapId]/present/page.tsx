import type { Metadata } from "next";
import { CurrentTeamMarker } from "@/components/app-shell/current-team";
import { PresentationDeck } from "@/components/presentation/presentation-deck";
import { loadForPage } from "@/lib/server/session";
import { getDashboard } from "@/lib/services/dashboards/build";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { getConfidence } from "@/lib/services/learning/confidence";
import { loadRoadmapPage, prefetchOrSkip } from "../load-roadmap";

type Props = { params: Promise<{ roadmapId: string }> };

const path = (roadmapId: string) => `/roadmaps/${roadmapId}/present`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { roadmapId } = await params;
  const { board } = await loadRoadmapPage(roadmapId, path(roadmapId));
  return { title: `Present · ${board.roadmap.title}` };
}

/** The roadmap as slides: the plan as it is when the deck opens (a meeting wants a still picture). */
export default async function PresentPage({ params }: Props) {
  const { roadmapId } = await params;
  const { actor, db, board, team } = await loadRoadmapPage(roadmapId, path(roadmapId));
  const dashboard = (await loadForPage(() =>
    getDashboard(db, actor, roadmapId, "executive"),
  )) as ExecutiveDashboard;
  // "P80 moved 9 working days later since the last review": from the recorded forecasts, if any.
  const confidence = await prefetchOrSkip(() => getConfidence(db, actor, roadmapId, "pert"));
  const finishTrend = confidence?.projectFinish.trend ?? null;
  return (
    <>
      <CurrentTeamMarker slug={team.slug} />
      <PresentationDeck
        roadmapId={roadmapId}
        teamName={team.name}
        roadmap={board.roadmap}
        workstreams={board.workstreams}
        items={board.items}
        dashboard={dashboard}
        finishTrend={finishTrend}
      />
    </>
  );
}
