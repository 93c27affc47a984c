/** Review cadence: how often each audience reviews the roadmap, and the reviews coming up. */
import { z } from "zod";
import { audienceSchema } from "./audience";
import { CADENCE_INTERVALS } from "./communication-kinds";
import { isoDateSchema } from "./dates";

export const cadenceRuleSchema = z.strictObject({
  audience: audienceSchema,
  every: z.enum(CADENCE_INTERVALS, { error: 'every must be "1w", "2w", "1m" or "1q".' }),
  /** The next review's date; later ones follow from it at the interval. */
  nextOn: isoDateSchema,
});
export type CadenceRule = z.infer<typeof cadenceRuleSchema>;

export const putCadenceSchema = z
  .strictObject({ rules: z.array(cadenceRuleSchema).max(3, "At most one rule per audience.") })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.rules.forEach((rule, i) => {
      if (seen.has(rule.audience))
        ctx.addIssue({ code: "custom", path: ["rules", i, "audience"], message: "One rule per audience." });
      seen.add(rule.audience);
    });
  });
export type PutCadenceInput = z.infer<typeof putCadenceSchema>;

export const upcomingReviewSchema = z.object({
  audience: audienceSchema,
  every: z.enum(CADENCE_INTERVALS),
  /** The next due date from today on; a missed one shows in overdueSince. */
  nextDue: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  overdueSince: z.string().nullable(),
  lastHeldOn: z.string().nullable(),
  /** The due dates after nextDue within the next 90 days. */
  following: z.array(z.string()),
});
export type UpcomingReview = z.infer<typeof upcomingReviewSchema>;

export const cadenceSchema = z
  .object({
    roadmapId: z.string(),
    /** 0 until rules are first saved; PUT with If-Match "0" then. */
    version: z.number().int(),
    rules: z.array(
      z.object({ audience: audienceSchema, every: z.enum(CADENCE_INTERVALS), nextOn: z.string() }),
    ),
    /** One per rule, soonest first; computed for today (UTC). */
    upcoming: z.array(upcomingReviewSchema),
  })
  .meta({ id: "ReviewCadence" });
export type Cadence = z.infer<typeof cadenceSchema>;
