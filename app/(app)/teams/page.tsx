import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { TeamsOverview } from "@/components/teams/teams-overview";
import { queryKeys } from "@/lib/client/query-keys";
import { requirePageActor } from "@/lib/server/session";
import { listTeamsForUser } from "@/lib/services/teams/teams";

export const metadata: Metadata = { title: "Your teams" };

export default async function TeamsPage() {
  const { actor, db } = await requirePageActor("/teams");
  const teams = await listTeamsForUser(db, actor.userId);
  return (
    <PageContainer>
      <HydrateQueries entries={[[queryKeys.myTeams, teams]]}>
        <TeamsOverview />
      </HydrateQueries>
    </PageContainer>
  );
}
