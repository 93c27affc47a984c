/** Feedback rounds: a question about a snapshot, stakeholders' answers, and the results. */
import { z } from "zod";
import { idSchema, text } from "./common";
import { audienceSchema } from "./audience";
import { personSchema } from "./collaboration";
import { isoDateSchema } from "./dates";
import { itemRefSchema, snapshotSchema } from "./reviews";

export const createFeedbackRoundSchema = z.strictObject({
  question: text(1_000, "The question"),
  audience: audienceSchema,
  closesOn: isoDateSchema,
});
export type CreateFeedbackRoundInput = z.infer<typeof createFeedbackRoundSchema>;

export const feedbackResponseInputSchema = z.strictObject({
  /** The milestone or feature rated; omitted or null: the roadmap overall. */
  itemId: idSchema.nullable().optional(),
  rating: z
    .number({ error: "rating must be a number from 1 to 5." })
    .int("rating must be a whole number from 1 to 5.")
    .min(1, "rating must be at least 1.")
    .max(5, "rating must be at most 5."),
  text: z.string().trim().max(5_000, "A comment must be at most 5,000 characters.").nullable().optional(),
});
export type FeedbackResponseInput = z.infer<typeof feedbackResponseInputSchema>;

export const feedbackResponseSchema = z
  .object({
    id: z.string(),
    roundId: z.string(),
    itemId: z.string().nullable(),
    rating: z.number().int(),
    text: z.string().nullable(),
    author: personSchema.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "FeedbackResponse" });
export type FeedbackResponse = z.infer<typeof feedbackResponseSchema>;

export const feedbackRoundSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    question: z.string(),
    audience: audienceSchema,
    closesOn: z.string(),
    /** "closed" once closed early or after closesOn (UTC). */
    status: z.enum(["open", "closed"]),
    closedAt: z.string().nullable(),
    snapshot: snapshotSchema,
    createdBy: personSchema.nullable(),
    createdAt: z.string(),
    version: z.number().int(),
    respondentCount: z.number().int(),
    responseCount: z.number().int(),
  })
  .meta({ id: "FeedbackRound" });
export type FeedbackRound = z.infer<typeof feedbackRoundSchema>;

/** A round with what it asks about (the snapshot's milestones and features) and the caller's answers. */
export const feedbackRoundDetailSchema = z.object({
  round: feedbackRoundSchema,
  items: z.array(itemRefSchema),
  myResponses: z.array(feedbackResponseSchema),
  /** Whether the caller may answer (commenter or above, and the round open). */
  canRespond: z.boolean(),
});
export type FeedbackRoundDetail = z.infer<typeof feedbackRoundDetailSchema>;

const ratingResultSchema = z.object({
  count: z.number().int(),
  /** null with no responses. */
  average: z.number().nullable(),
  /** Responses per rating 1..5 (index 0 is rating 1). */
  distribution: z.array(z.number().int()).length(5),
  comments: z.array(
    z.object({ rating: z.number().int(), text: z.string(), author: personSchema.nullable(), at: z.string() }),
  ),
});

export const feedbackResultsSchema = z
  .object({
    round: feedbackRoundSchema,
    overall: ratingResultSchema,
    /** Per item that has responses, lowest average first. */
    items: z.array(ratingResultSchema.extend({ item: itemRefSchema })),
  })
  .meta({ id: "FeedbackResults" });
export type FeedbackResults = z.infer<typeof feedbackResultsSchema>;
