import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships } from "@/db/schema";
import type { Role } from "@/lib/validation/common";
import type { Actor } from "./actor";
import { AppError, notFound } from "./errors";

/** Roles in increasing power; a role can do everything the roles below it can. */
const RANK: Record<Role, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

/** What each role may do, in one place (api.md, "Authorization"). */
export const PERMISSIONS = {
  "team.read": "viewer",
  "comment.write": "commenter",
  "roadmap.write": "editor",
  "skill.write": "editor",
  "team.manage": "owner",
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export function can(role: Role, permission: Permission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}

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
