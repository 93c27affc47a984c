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

/** A password change: the current password proves it is the account holder at the keyboard. */
export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Current password must be text." })
    .min(1, "Enter your current password.")
    .max(200, "Password must be at most 200 characters."),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The page's form: the new password typed twice, checked in the browser only. */
export const changePasswordFormSchema = changePasswordSchema
  .extend({ confirmPassword: z.string({ error: "Type the new password again." }) })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ. Type the same one twice.",
  });
export type ChangePasswordForm = z.infer<typeof changePasswordFormSchema>;

/** What a token may do: read only, or read and write (within its owner's role either way). */
export const tokenScopesSchema = z
  .union([z.tuple([z.literal("read")]), z.tuple([z.literal("read"), z.literal("write")])], {
    error: 'scopes must be ["read"] or ["read", "write"].',
  })
  .meta({ id: "TokenScopes" });
export type TokenScopes = z.infer<typeof tokenScopesSchema>;

export const createTokenSchema = z.object({
  name: text(100, "Token name"),
  scopes: tokenScopesSchema.default(["read", "write"]),
  expiresInDays: z
    .number({ error: "expiresInDays must be a number of days." })
    .int("expiresInDays must be a whole number of days.")
    .min(1, "A token must live at least 1 day.")
    .max(3650, "A token may live at most 3,650 days.")
    .optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
/** As a caller may send it: scopes left out means both. */
export type CreateTokenRequest = z.input<typeof createTokenSchema>;

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    scopes: tokenScopesSchema,
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof apiTokenSchema>;
