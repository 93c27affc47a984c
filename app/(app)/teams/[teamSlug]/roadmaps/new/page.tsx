import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { NewRoadmapForm } from "@/components/roadmaps/new-roadmap-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { addDays, quarterEnd, quarterOf } from "@/lib/planning/calendar";
import { loadForPage } from "@/lib/server/session";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { loadTeamPage } from "../../load-team";

type Params = { params: Promise<{ teamSlug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { teamSlug } = await params;
  const { team } = await loadTeamPage(teamSlug, `/teams/${teamSlug}/roadmaps/new`);
  return { title: `New roadmap · ${team.name}` };
}

/** The first day of the quarter after today's (UTC): where most plans start. */
function nextQuarterStart(): string {
  const today = new Date().toISOString().slice(0, 10);
  return addDays(quarterEnd(quarterOf(today)), 1);
}

export default async function NewRoadmapPage({ params }: Params) {
  const { teamSlug } = await params;
  const path = `/teams/${teamSlug}/roadmaps/new`;
  const { actor, db, team } = await loadTeamPage(teamSlug, path);
  // Editors and owners only; anyone else gets the same page as for a team they cannot see.
  await loadForPage(() => requirePermission(db, actor, team.id, "roadmap.write"));

  return (
    <PageContainer className="max-w-3xl">
      <p className="mb-2 text-[13px] text-muted">
        <TextLink href={`/teams/${team.slug}`}>{team.name}</TextLink> / Roadmaps
      </p>
      <PageHeader
        title="New roadmap"
        description="Set the span of the plan; you add lanes, features, milestones and dependencies on its timeline next."
      />
      <Card>
        <CardBody>
          <NewRoadmapForm teamId={team.id} teamSlug={team.slug} defaultStart={nextQuarterStart()} />
        </CardBody>
      </Card>
    </PageContainer>
  );
}
