import { route } from "@/lib/server/route";
import { changeMemberRole, removeMember } from "@/lib/services/teams/members";
import { teams } from "@/lib/validation/endpoints";

export const PATCH = route(teams.changeMemberRole, async ({ db, actor, params, body, ifMatch }) => {
  const member = await changeMemberRole(db, actor, params.teamId, params.userId, body.role, ifMatch);
  return { body: { member }, version: member.version };
});

export const DELETE = route(teams.removeMember, async ({ db, actor, params }) => {
  await removeMember(db, actor, params.teamId, params.userId);
  return { body: { ok: true } };
});
