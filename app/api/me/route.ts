import { route } from "@/lib/server/route";
import { listTeamsForUser } from "@/lib/services/teams/teams";
import { accounts } from "@/lib/validation/endpoints";

export const GET = route(accounts.getMe, async ({ db, actor }) => ({
  body: {
    user: { id: actor.userId, email: actor.email, name: actor.name },
    teams: await listTeamsForUser(db, actor.userId),
  },
}));
