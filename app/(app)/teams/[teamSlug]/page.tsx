import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { RoadmapList } from "@/components/teams/roadmap-list";
import { ButtonLink } from "@/components/ui/button-link";
import { PlusIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { listRoadmaps } from "@/lib/services/roadmaps/list";
import { loadTeamPage } from "./load-team";

type Params = { params: Promise<{ teamSlug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { teamSlug } = await params;
  const { team } = await loadTeamPage(teamSlug, `/teams/${teamSlug}`);
  return { title: `Roadmaps · ${team.name}` };
}

export default async function TeamRoadmapsPage({ params }: Params) {
  const { teamSlug } = await params;
  const { actor, db, team, role } = await loadTeamPage(teamSlug, `/teams/${teamSlug}`);
  const roadmaps = await listRoadmaps(db, actor, team.id);
  const canCreate = canEditRoadmaps(role);
  const newRoadmapHref = `/teams/${team.slug}/roadmaps/new`;

  return (
    <PageContainer>
      <PageHeader
        title="Roadmaps"
        description={`The plans ${team.name} is working to: each one spans 12 to 18 months of quarterly milestones.`}
        actions={
          canCreate && roadmaps.length > 0 ? (
            <ButtonLink href={newRoadmapHref} variant="primary" icon={<PlusIcon className="size-4" />}>
              New roadmap
            </ButtonLink>
          ) : null
        }
      />
      <RoadmapList roadmaps={roadmaps} canCreate={canCreate} newRoadmapHref={newRoadmapHref} />
    </PageContainer>
  );
}
