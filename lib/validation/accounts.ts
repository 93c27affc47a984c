import { z } from "zod";
import { roleSchema, text } from "./common";

export const emailSchema = z
  .string({ error: "Email must be text." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "Email must be at most 254 characters."));

export const passwordSchema = z
  .string({ error: "Password must be text." })
  .min(10, "Password must be at least 10 characters.")
  .max(200, "Password must be at most 200 characters.");

export const registerSchema = z.object({
  email: emailSchema,
  name: text(100, "Name"),
  password: passwordSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string() })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export const teamSummarySchema = z
  .object({ id: z.string(), name: z.string(), slug: z.string(), role: roleSchema })
  .meta({ id: "TeamMembership" });
export type TeamSummary = z.infer<typeof teamSummarySchema>;

export const meSchema = z.object({ user: userSchema, teams: z.array(teamSummarySchema) });
export type Me = z.infer<typeof meSchema>;

export const createTokenSchema = z.object({
  name: text(100, "Token name"),
  expiresInDays: z
    .number({ error: "expiresInDays must be a number of days." })
    .int("expiresInDays must be a whole number of days.")
    .min(1, "A token must live at least 1 day.")
    .max(3650, "A token may live at most 3,650 days.")
    .optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof apiTokenSchema>;
