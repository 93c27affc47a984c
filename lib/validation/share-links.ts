/** Share links: read-only, expiring links to one audience's view of a roadmap. */
import { z } from "zod";
import { audienceSchema } from "./audience";
import { personSchema } from "./collaboration";

export const createShareLinkSchema = z.strictObject({
  audience: audienceSchema,
  /** ISO 8601 timestamp in the future, at most a year ahead. */
  expiresAt: z.iso.datetime({ offset: true, error: "expiresAt must be an ISO 8601 timestamp." }),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export const shareLinkSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    audience: audienceSchema,
    /** The token's last characters; the token itself is shown once, at creation. */
    tokenHint: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    status: z.enum(["active", "expired", "revoked"]),
    createdBy: personSchema.nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ShareLink" });
export type ShareLink = z.infer<typeof shareLinkSchema>;
