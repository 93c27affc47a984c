import { route } from "@/lib/server/route";
import { createTeam, listTeamsForUser } from "@/lib/services/teams/teams";
import { teams } from "@/lib/validation/endpoints";

export const GET = route(teams.listTeams, async ({ db, actor }) => ({
  body: { items: await listTeamsForUser(db, actor.userId) },
}));

export const POST = route(teams.createTeam, async ({ db, actor, body }) => {
  const team = await createTeam(db, actor, body);
  return { body: { team, role: "owner" }, version: team.version };
});
