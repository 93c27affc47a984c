import type { Role } from "./common";

/** Roles in increasing power; a role can do everything the roles below it can. */
const RANK: Record<Role, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

/**
 * What each role may do, in one place (api.md, "Authorization"). Services enforce it; the interface
 * reads it so that nobody is offered a control the server would refuse.
 */
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
