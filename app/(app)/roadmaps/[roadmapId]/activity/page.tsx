import { activityKindOf } from "@/components/activity/activity-kinds";
import { RoadmapActivity } from "@/components/activity/roadmap-activity";
import { SectionPage, loadSectionPage, sectionMetadata } from "../section-page";

type Props = {
  params: Promise<{ roadmapId: string }>;
  searchParams: Promise<{ kind?: string | string[] }>;
};

export const generateMetadata = sectionMetadata("activity", "Activity");

export default async function RoadmapActivityPage({ params, searchParams }: Props) {
  const [page, { kind }] = await Promise.all([loadSectionPage(params, "activity"), searchParams]);
  return (
    <SectionPage
      page={page}
      section="activity"
      title="Activity"
      liveSync={false}
      className="max-w-4xl"
      description={
        <>
          Who changed what on <span className="font-medium text-ink">{page.board.roadmap.title}</span>, newest
          first.
        </>
      }
    >
      <RoadmapActivity roadmapId={page.roadmapId} kind={activityKindOf(kind)} />
    </SectionPage>
  );
}
