import type { Role } from "@/lib/validation/common";

/**
 * What the interface shows to each role. It mirrors the server's permission table
 * (lib/services/authorization.ts) so nobody is offered a control the server would refuse; the
 * server remains the real check.
 */
const RANK: Record<Role, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

export const canManageTeam = (role: Role) => RANK[role] >= RANK.owner;
export const canEditRoadmaps = (role: Role) => RANK[role] >= RANK.editor;
export const canAddSkills = (role: Role) => RANK[role] >= RANK.editor;

export const ROLE_INFO: Record<Role, { label: string; summary: string }> = {
  owner: {
    label: "Owner",
    summary: "Everything an editor can do, plus members, invitations, team settings and deleting the team.",
  },
  editor: {
    label: "Editor",
    summary: "Creates and changes roadmaps: items, dependencies, estimates, risks, reviews and skills.",
  },
  commenter: {
    label: "Commenter",
    summary: "Reads everything, comments on items, gives feasibility verdicts and answers feedback rounds.",
  },
  viewer: {
    label: "Viewer",
    summary: "Reads roadmaps, dashboards and reviews without changing anything.",
  },
};

/** Strongest first, as people choose them. */
export const ROLE_ORDER: Role[] = ["owner", "editor", "commenter", "viewer"];
