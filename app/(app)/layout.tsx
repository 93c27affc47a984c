import { AppHeader } from "@/components/app-shell/app-header";
import { HydrateQueries } from "@/components/query/hydrate-queries";
import { queryKeys } from "@/lib/client/query-keys";
import { requirePageActor } from "@/lib/server/session";
import { listTeamsForUser } from "@/lib/services/teams/teams";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Signed-out visitors are normally sent to sign in (with their return path) before getting here.
  const { actor, db } = await requirePageActor("/");
  const teams = await listTeamsForUser(db, actor.userId);
  return (
    <HydrateQueries entries={[[queryKeys.myTeams, teams]]}>
      <div className="flex min-h-dvh flex-col">
        <AppHeader user={{ name: actor.name, email: actor.email }} signOutAction={signOutAction} />
        <main id="main" className="flex-1">
          {children}
        </main>
      </div>
    </HydrateQueries>
  );
}
