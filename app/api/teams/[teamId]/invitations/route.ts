import { publicOrigin, route } from "@/lib/server/route";
import { createInvitation, listPendingInvitations } from "@/lib/services/teams/invitations";
import { teams } from "@/lib/validation/endpoints";

export const GET = route(teams.listInvitations, async ({ db, actor, params }) => ({
  body: { items: await listPendingInvitations(db, actor, params.teamId) },
}));

export const POST = route(teams.createInvitation, async ({ db, actor, params, body, req }) => {
  const { invitation, token } = await createInvitation(db, actor, params.teamId, body);
  return { body: { invitation, acceptUrl: `${publicOrigin(req)}/invite/${token}` } };
});
