import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships } from "@/db/schema";
import type { Role } from "@/lib/validation/common";
import { can, PERMISSIONS, roleAtLeast, type Permission } from "@/lib/validation/permissions";
import type { Actor } from "./actor";
import { AppError, notFound } from "./errors";

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
 * The one authorization check every service makes before touching a team's data, by permission
 * (the role table of lib/validation/permissions.ts). Not a member: 404 (existence is not revealed).
 * Role too low: 403. Answers the actor's role, for what a service shows about what it may do.
 */
export async function requirePermission(
  db: Database,
  actor: Actor,
  teamId: string,
  permission: Permission,
): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, actor.userId)))
    .limit(1);
  return checkRole(row?.role, permission);
}

/** The check of requirePermission on a role already read (none: not a member). */
export function checkRole(role: Role | null | undefined, permission: Permission): Role {
  if (!role) throw notFound("team");
  if (!can(role, permission)) {
    const minimum = PERMISSIONS[permission];
    throw new AppError(
      "forbidden",
      `Your role in this team is ${role}; only ${WHO[minimum]} may ${ACTION_WORDS[minimum]}. Ask a team owner for access.`,
    );
  }
  return role;
}

/** Whether a permission changes what a team owns (as opposed to reading or commenting on it). */
export function changesContent(permission: Permission): boolean {
  return roleAtLeast(PERMISSIONS[permission], PERMISSIONS["roadmap.write"]);
}
