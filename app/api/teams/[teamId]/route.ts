import { route } from "@/lib/server/route";
import { deleteTeam, getTeam, updateTeam } from "@/lib/services/teams/teams";
import { teams } from "@/lib/validation/endpoints";

export const GET = route(teams.getTeam, async ({ db, actor, params }) => {
  const result = await getTeam(db, actor, params.teamId);
  return { body: result, version: result.team.version };
});

export const PATCH = route(teams.updateTeam, async ({ db, actor, params, body, ifMatch }) => {
  const team = await updateTeam(db, actor, params.teamId, ifMatch, body);
  return { body: { team }, version: team.version };
});

export const DELETE = route(teams.deleteTeam, async ({ db, actor, params, ifMatch }) => {
  await deleteTeam(db, actor, params.teamId, ifMatch);
  return { body: { ok: true } };
});
