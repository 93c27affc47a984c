import { cache } from "react";
import { loadForPage, requirePageActor } from "@/lib/server/session";
import { getTeamBySlug } from "@/lib/services/teams/teams";

/**
 * The signed-in user, the team named in the URL and their role in it; once per request however
 * many components ask. A team the user is not in is the 404 page, like the API's 404.
 */
export const loadTeamPage = cache(async (slug: string, path: string) => {
  const { actor, db } = await requirePageActor(path);
  const { team, role } = await loadForPage(() => getTeamBySlug(db, actor, slug));
  return { actor, db, team, role };
});
