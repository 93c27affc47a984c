import { z } from "zod";

export const ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export const roleSchema = z.enum(ROLES).meta({ description: "A member's role in a team." });
export type Role = z.infer<typeof roleSchema>;

export const idSchema = z.uuid();

/** Free text a person typed: trimmed, not empty, bounded. */
export const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, `${label} must not be empty.`)
    .max(max, `${label} must be at most ${max} characters.`);

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export const okSchema = z.object({ ok: z.literal(true) });
