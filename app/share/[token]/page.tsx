import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AudienceDashboard } from "@/components/dashboards/audience-dashboard";
import { ShareGone } from "@/components/sharing/share-gone";
import { SharedPictures } from "@/components/sharing/shared-pictures";
import { SharedTimeline } from "@/components/sharing/shared-timeline";
import { SharedViewHeader } from "@/components/sharing/shared-view-header";
import { CairnLogo } from "@/components/brand/logo";
import { loadSharedPage } from "./load-shared-view";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadSharedPage((await params).token);
  return {
    title: page.kind === "view" ? `${page.view.roadmap.title} (shared)` : "Shared roadmap",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * The read-only audience view a share link opens, without sign-in. A page cannot answer 410 in
 * Next.js (only notFound's 404), so a link that expired or was revoked renders the explanation here;
 * the API (GET /api/share/:token) answers 410.
 */
export default async function SharedRoadmapPage({ params }: Props) {
  const { token } = await params;
  const page = await loadSharedPage(token);
  if (page.kind === "unknown") notFound();
  if (page.kind === "gone") {
    return (
      <div className="flex min-h-dvh flex-col">
        <header className="px-6 py-5">
          <CairnLogo />
        </header>
        <main id="main" className="flex flex-1 items-center justify-center pb-24">
          <ShareGone reason={page.reason} message={page.message} />
        </main>
      </div>
    );
  }
  const { view } = page;
  return (
    <div className="flex min-h-dvh flex-col">
      <SharedViewHeader view={view} />
      <main
        id="main"
        className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-10 px-4 py-8 sm:px-6 lg:px-8"
      >
        <AudienceDashboard dashboard={view.dashboard} />
        <SharedTimeline
          roadmap={view.roadmap}
          workstreams={view.timeline.workstreams}
          items={view.timeline.items}
        />
        <SharedPictures token={token} audience={view.audience} roadmapTitle={view.roadmap.title} />
      </main>
      <footer className="border-t border-line px-4 py-5 text-center text-[13px] text-muted">
        A read-only view shared from Cairn. It shows the plan as it is now and stops working when the link
        expires.
      </footer>
    </div>
  );
}
