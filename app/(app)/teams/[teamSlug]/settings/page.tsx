import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { TeamSettings } from "@/components/teams/team-settings";
import { PageHeader } from "@/components/ui/page-header";
import { queryKeys } from "@/lib/client/query-keys";
import { listSkills } from "@/lib/services/staffing/skills";
import { listWebhooks } from "@/lib/services/webhooks/webhooks";
import { canManageTeam } from "@/lib/validation/roles";
import { loadTeamPage } from "../load-team";

type Params = { params: Promise<{ teamSlug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { teamSlug } = await params;
  const { team } = await loadTeamPage(teamSlug, `/teams/${teamSlug}/settings`);
  return { title: `Settings · ${team.name}` };
}

export default async function TeamSettingsPage({ params }: Params) {
  const { teamSlug } = await params;
  const { actor, db, team, role } = await loadTeamPage(teamSlug, `/teams/${teamSlug}/settings`);
  const [skills, webhooks] = await Promise.all([
    listSkills(db, actor, team.id),
    canManageTeam(role) ? listWebhooks(db, actor, team.id) : null,
  ]);

  return (
    <PageContainer>
      <PageHeader title="Settings" description={`How ${team.name} is set up.`} />
      <HydrateQueries
        entries={[
          [queryKeys.team(team.id), { team, role }],
          [queryKeys.skills(team.id), skills],
          ...(webhooks ? ([[queryKeys.webhooks(team.id), webhooks]] as const) : []),
        ]}
      >
        <TeamSettings initial={{ team, role }} />
      </HydrateQueries>
    </PageContainer>
  );
}
