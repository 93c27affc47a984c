import type { Role } from "./common";
import { can } from "./permissions";

/** What the interface offers each role, read from the server's permission table; the server still checks. */
export const canManageTeam = (role: Role) => can(role, "team.manage");
export const canEditRoadmaps = (role: Role) => can(role, "roadmap.write");
export const canAddSkills = (role: Role) => can(role, "skill.write");

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
