import { route } from "@/lib/server/route";
import { createSkill, listSkills } from "@/lib/services/staffing/skills";
import { teams } from "@/lib/validation/endpoints";

export const GET = route(teams.listSkills, async ({ db, actor, params }) => ({
  body: { items: await listSkills(db, actor, params.teamId) },
}));

export const POST = route(teams.createSkill, async ({ db, actor, params, body }) => ({
  body: { skill: await createSkill(db, actor, params.teamId, body) },
}));
