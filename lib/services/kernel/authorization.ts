import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships } from "@/db/schema";
import type { Role } from "@/lib/validation/common";
import { PERMISSIONS, roleAtLeast, type Permission } from "@/lib/validation/permissions";
import type { Actor } from "./actor";
import { AppError, notFound } from "./errors";

export { can, PERMISSIONS, roleAtLeast, type Permission } from "@/lib/validation/permissions";

const WHO: Record<Role, string> = {
  viewer: "a member",
  commenter: "a commenter or above",
  editor: "an editor or owner",
  owner: "an owner",
};

const ACTION_WORDS: Record<Role, string> = {
  viewer: "view this team",
  commenter: "comment in this team",
  editor: "edit this team's roadmaps",
  owner: "manage this team",
};

/**
 * The one authorization check every service makes before touching a team's data.
 * Not a member: 404 (existence is not revealed). Role too low: 403.
 */
export async function requireRole(db: Database, actor: Actor, teamId: string, minimum: Role): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, actor.userId)))
    .limit(1);
  if (!row) throw notFound("team");
  if (!roleAtLeast(row.role, minimum)) {
    throw new AppError(
      "forbidden",
      `Your role in this team is ${row.role}; only ${WHO[minimum]} may ${ACTION_WORDS[minimum]}. Ask a team owner for access.`,
    );
  }
  return row.role;
}

export function requirePermission(db: Database, actor: Actor, teamId: string, permission: Permission) {
  return requireRole(db, actor, teamId, PERMISSIONS[permission]);
}
