import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { MembersPanel } from "@/components/teams/members-panel";
import { PageHeader } from "@/components/ui/page-header";
import { queryKeys } from "@/lib/client/query-keys";
import { canManageTeam } from "@/lib/validation/roles";
import { listPendingInvitations } from "@/lib/services/teams/invitations";
import { listMembers } from "@/lib/services/teams/members";
import { loadTeamPage } from "../load-team";

type Params = { params: Promise<{ teamSlug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { teamSlug } = await params;
  const { team } = await loadTeamPage(teamSlug, `/teams/${teamSlug}/members`);
  return { title: `Members · ${team.name}` };
}

export default async function TeamMembersPage({ params }: Params) {
  const { teamSlug } = await params;
  const { actor, db, team, role } = await loadTeamPage(teamSlug, `/teams/${teamSlug}/members`);
  const members = await listMembers(db, actor, team.id);
  const invitations = canManageTeam(role) ? await listPendingInvitations(db, actor, team.id) : null;

  return (
    <PageContainer>
      <PageHeader title="Members" description={`The people in ${team.name} and what each of them can do.`} />
      <HydrateQueries
        entries={[
          [queryKeys.members(team.id), members],
          ...(invitations ? ([[queryKeys.invitations(team.id), invitations]] as const) : []),
        ]}
      >
        <MembersPanel team={{ id: team.id, name: team.name }} role={role} currentUserId={actor.userId} />
      </HydrateQueries>
    </PageContainer>
  );
}
