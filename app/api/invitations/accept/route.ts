import { route } from "@/lib/server/route";
import { acceptInvitation } from "@/lib/services/teams/invitations";
import { teams } from "@/lib/validation/endpoints";

export const POST = route(teams.acceptInvitation, async ({ db, actor, body }) => ({
  body: await acceptInvitation(db, actor, body.token),
}));
