import { ChangeReport } from "@/components/reviews/change-report";
import { TextLink } from "@/components/ui/text-link";
import { queryKeys } from "@/lib/client/query-keys";
import { getDiff } from "@/lib/services/roadmaps/diff";
import { listSnapshots } from "@/lib/services/snapshots/queries";
import { diffQuerySchema } from "@/lib/validation/communication";
import { prefetchOrSkip } from "../../load-roadmap";
import { SectionPage, loadSectionPage, sectionMetadata } from "../../section-page";

type Props = {
  params: Promise<{ roadmapId: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};

export const generateMetadata = sectionMetadata("reviews", "Change report");

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** /roadmaps/:id/reviews/compare?from=<snapshot>&to=<snapshot>|now: what changed between the two. */
export default async function ChangeReportPage({ params, searchParams }: Props) {
  const page = await loadSectionPage(params, "reviews");
  const { roadmapId, actor, db } = page;
  const query = await searchParams;
  const from = one(query.from) || null;
  const to = one(query.to) || "now";
  // A malformed pair is left to the browser, which shows the API's 400 message.
  const refs = from ? diffQuerySchema.safeParse({ from, to }) : null;
  const [diff, snapshots] = await Promise.all([
    refs?.success ? prefetchOrSkip(() => getDiff(db, actor, roadmapId, refs.data)) : undefined,
    prefetchOrSkip(() => listSnapshots(db, actor, roadmapId)),
  ]);
  return (
    <SectionPage
      page={page}
      section="reviews"
      title="Change report"
      description={
        <>
          What moved, was added, cut or changed between two versions of the roadmap.{" "}
          <TextLink href={`/roadmaps/${roadmapId}/reviews`}>Back to reviews</TextLink>
        </>
      }
      entries={[
        ...(diff && from ? [[queryKeys.diff(roadmapId, from, to), diff] as const] : []),
        ...(snapshots ? [[queryKeys.snapshots(roadmapId), snapshots] as const] : []),
      ]}
    >
      <ChangeReport roadmapId={roadmapId} from={from} to={to} />
    </SectionPage>
  );
}
