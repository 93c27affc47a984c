import { route } from "@/lib/server/route";
import { revokeInvitation } from "@/lib/services/teams/invitations";
import { teams } from "@/lib/validation/endpoints";

export const DELETE = route(teams.revokeInvitation, async ({ db, actor, params }) => {
  await revokeInvitation(db, actor, params.invitationId);
  return { body: { ok: true } };
});
