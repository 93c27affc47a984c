import { z } from "zod";
import { emailSchema, userSchema } from "./accounts";
import { roleSchema, text } from "./common";

export const teamNameSchema = text(80, "Team name");

export const createTeamSchema = z.object({ name: teamNameSchema });
export const updateTeamSchema = z.object({ name: teamNameSchema });

export const teamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "Team" });
export type Team = z.infer<typeof teamSchema>;

export const memberSchema = z
  .object({ user: userSchema, role: roleSchema, joinedAt: z.string() })
  .meta({ id: "Member" });
export type Member = z.infer<typeof memberSchema>;

export const changeRoleSchema = z.object({ role: roleSchema });

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema });
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    createdAt: z.string(),
    expiresAt: z.string(),
    invitedBy: z.string().nullable(),
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof invitationSchema>;

export const acceptInvitationSchema = z.object({ token: text(200, "Invitation token") });

export const createSkillSchema = z.object({ name: text(60, "Skill name") });
export const skillSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: "Skill" });
export type Skill = z.infer<typeof skillSchema>;
