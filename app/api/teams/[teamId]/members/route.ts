import { route } from "@/lib/server/route";
import { listMembers } from "@/lib/services/teams/members";
import { teams } from "@/lib/validation/endpoints";

export const GET = route(teams.listMembers, async ({ db, actor, params }) => ({
  body: { items: await listMembers(db, actor, params.teamId) },
}));
