import { z } from "zod";
import { okSchema, roleSchema } from "../common";
import { defineEndpoint } from "../endpoint";
import { teamSummarySchema } from "../accounts";
import {
  acceptInvitationSchema,
  changeRoleSchema,
  createInvitationSchema,
  createSkillSchema,
  createTeamSchema,
  invitationSchema,
  memberSchema,
  skillSchema,
  teamSchema,
  updateTeamSchema,
} from "../teams";

const tag = "Teams";
const teamRef = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const listTeams = defineEndpoint({
  method: "GET",
  path: "/api/teams",
  summary: "The caller's teams with their role in each",
  tag,
  response: z.object({ items: z.array(teamSummarySchema) }),
});

export const createTeam = defineEndpoint({
  method: "POST",
  path: "/api/teams",
  summary: "Create a team; the caller becomes its owner",
  tag,
  body: createTeamSchema,
  response: z.object({ team: teamSchema, role: roleSchema }),
  status: 201,
});

export const getTeam = defineEndpoint({
  method: "GET",
  path: "/api/teams/{teamId}",
  summary: "A team and the caller's role in it",
  tag,
  response: z.object({ team: teamSchema, role: roleSchema }),
});

export const updateTeam = defineEndpoint({
  method: "PATCH",
  path: "/api/teams/{teamId}",
  summary: "Rename a team (owner)",
  tag,
  body: updateTeamSchema,
  ifMatch: "required",
  response: z.object({ team: teamSchema }),
});

export const deleteTeam = defineEndpoint({
  method: "DELETE",
  path: "/api/teams/{teamId}",
  summary: "Delete a team and everything in it (owner)",
  tag,
  ifMatch: "required",
  response: okSchema,
});

export const listMembers = defineEndpoint({
  method: "GET",
  path: "/api/teams/{teamId}/members",
  summary: "Members of a team with their roles",
  tag,
  response: z.object({ items: z.array(memberSchema) }),
});

export const changeMemberRole = defineEndpoint({
  method: "PATCH",
  path: "/api/teams/{teamId}/members/{userId}",
  summary: "Change a member's role (owner); the last owner cannot be demoted",
  tag,
  body: changeRoleSchema,
  ifMatch: "optional",
  response: z.object({ member: z.object({ userId: z.string(), role: roleSchema, version: z.number() }) }),
  errors: ["last_owner"],
});

export const removeMember = defineEndpoint({
  method: "DELETE",
  path: "/api/teams/{teamId}/members/{userId}",
  summary: "Remove a member (owner), or leave the team (yourself); the last owner cannot be removed",
  tag,
  response: okSchema,
  errors: ["last_owner"],
});

export const createInvitation = defineEndpoint({
  method: "POST",
  path: "/api/teams/{teamId}/invitations",
  summary: "Invite someone by email with a role (owner); the link is shown once",
  tag,
  body: createInvitationSchema,
  response: z.object({ invitation: invitationSchema, acceptUrl: z.string() }),
  status: 201,
  errors: ["conflict"],
});

export const listInvitations = defineEndpoint({
  method: "GET",
  path: "/api/teams/{teamId}/invitations",
  summary: "Pending invitations of a team (owner)",
  tag,
  response: z.object({ items: z.array(invitationSchema) }),
});

export const revokeInvitation = defineEndpoint({
  method: "DELETE",
  path: "/api/invitations/{invitationId}",
  summary: "Withdraw a pending invitation (owner)",
  tag,
  response: okSchema,
});

export const acceptInvitation = defineEndpoint({
  method: "POST",
  path: "/api/invitations/accept",
  summary: "Join a team with an invitation token; the signed-in email must match",
  tag,
  body: acceptInvitationSchema,
  response: z.object({ team: teamRef, role: roleSchema }),
  errors: ["invitation_gone"],
});

export const listSkills = defineEndpoint({
  method: "GET",
  path: "/api/teams/{teamId}/skills",
  summary: "The team's skills catalogue",
  tag,
  response: z.object({ items: z.array(skillSchema) }),
});

export const createSkill = defineEndpoint({
  method: "POST",
  path: "/api/teams/{teamId}/skills",
  summary: "Add a skill to the catalogue (editor)",
  tag,
  body: createSkillSchema,
  response: z.object({ skill: skillSchema }),
  status: 201,
  errors: ["conflict"],
});
