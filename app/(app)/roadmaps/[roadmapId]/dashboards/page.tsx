import { DashboardsView } from "@/components/dashboards/dashboards-view";
import { queryKeys } from "@/lib/client/query-keys";
import { getDashboard } from "@/lib/services/dashboards/build";
import { audienceSchema } from "@/lib/validation/communication";
import { prefetchOrSkip } from "../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = {
  params: Promise<{ roadmapId: string }>;
  searchParams: Promise<{ audience?: string | string[] }>;
};

export const generateMetadata = sectionMetadata("dashboards", "Dashboards");

export default async function RoadmapDashboardsPage({ params, searchParams }: Props) {
  const page = await loadSectionPage(params, "dashboards");
  const { roadmapId, actor, db } = page;
  // An unknown ?audience= shows the executive tab rather than an error.
  const parsed = audienceSchema.safeParse((await searchParams).audience);
  const audience = parsed.success ? parsed.data : "executive";
  const dashboard = await prefetchOrSkip(() => getDashboard(db, actor, roadmapId, audience));
  return (
    <SectionPage
      page={page}
      section="dashboards"
      title="Dashboards"
      description="The roadmap as each audience needs it: executives, engineering and product."
      entries={dashboard ? [[queryKeys.dashboard(roadmapId, audience), dashboard]] : []}
    >
      <DashboardsView roadmapId={roadmapId} initialAudience={audience} />
    </SectionPage>
  );
}
