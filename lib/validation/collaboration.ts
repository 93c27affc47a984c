import { z } from "zod";
import { COMMENT_MAX_CHARS, FEASIBILITY_VERDICTS, NOTIFICATION_KINDS } from "./collaboration-kinds";
import { idSchema, text } from "./common";
import { itemSchema } from "./timeline";

export * from "./collaboration-kinds";

const feasibilitySchema = z.enum(FEASIBILITY_VERDICTS, {
  error: 'feasibility must be "feasible", "concerns" or "not_feasible".',
});

/** Page size and opaque cursor, for lists that grow without bound. */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(200, "limit must be at most 200.")
    .default(50),
  cursor: z.string().max(200, "cursor is not one this API gave out.").optional(),
});

export const createCommentSchema = z.strictObject({
  body: text(COMMENT_MAX_CHARS, "A comment"),
  parentId: idSchema.optional(),
  feasibility: feasibilitySchema.optional(),
});
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export const updateCommentSchema = z
  .strictObject({
    body: text(COMMENT_MAX_CHARS, "A comment").optional(),
    feasibility: feasibilitySchema.nullable().optional(),
  })
  .refine((v) => v.body !== undefined || v.feasibility !== undefined, {
    message: "Send body or feasibility to change.",
  });
export type UpdateCommentInput = z.infer<typeof updateCommentSchema>;

/** POST /api/comments/:id/resolve; `{resolved: false}` reopens. An empty body resolves. */
export const resolveCommentSchema = z
  .strictObject({ resolved: z.boolean({ error: "resolved must be true or false." }).default(true) })
  .optional();

export const markNotificationsReadSchema = z.union(
  [
    z.strictObject({ ids: z.array(idSchema).min(1, "ids must name at least one notification.").max(500) }),
    z.strictObject({ all: z.literal(true) }),
  ],
  { error: 'Send {"ids": [...]} or {"all": true}.' },
);

export const presenceInputSchema = z.strictObject({
  connectionId: idSchema,
  /** The item being edited, or null when none is. */
  itemId: idSchema.nullable(),
});

export const personSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string() })
  .meta({ id: "Person", description: "A team member as other members see them." });
export type Person = z.infer<typeof personSchema>;

export const commentSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    itemId: z.string(),
    parentId: z.string().nullable(),
    /** null when the author's account is gone. */
    author: personSchema.nullable(),
    /** Markdown as typed; "" once deleted. Clients must render it as text, never as HTML. */
    body: z.string(),
    feasibility: feasibilitySchema.nullable(),
    mentions: z.array(personSchema),
    resolved: z.boolean(),
    resolvedAt: z.string().nullable(),
    resolvedBy: personSchema.nullable(),
    editedAt: z.string().nullable(),
    deleted: z.boolean(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Comment" });
export type Comment = z.infer<typeof commentSchema>;

export const commentThreadSchema = commentSchema
  .extend({ replies: z.array(commentSchema) })
  .meta({ id: "CommentThread" });
export type CommentThread = z.infer<typeof commentThreadSchema>;

/** Verdicts count each author's latest verdict on the item once. */
export const feedbackSummarySchema = z
  .object({
    comments: z.number().int(),
    unresolved: z.number().int(),
    feasible: z.number().int(),
    concerns: z.number().int(),
    notFeasible: z.number().int(),
  })
  .meta({ id: "FeedbackSummary" });
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    read: z.boolean(),
    createdAt: z.string(),
    actor: personSchema.nullable(),
    teamId: z.string(),
    roadmapId: z.string().nullable(),
    roadmapTitle: z.string().nullable(),
    itemId: z.string().nullable(),
    itemTitle: z.string().nullable(),
    commentId: z.string().nullable(),
    /** The start of the comment (mention, reply). */
    excerpt: z.string().nullable(),
    /** The fields changed (item_changed). */
    fields: z.array(z.string()),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof notificationSchema>;

/** The kinds of thing a roadmap's activity records. */
export const ACTIVITY_ENTITIES = [
  "roadmap",
  "workstream",
  "item",
  "dependency",
  "comment",
  "risk",
  "staffing",
  "cadence",
  "review",
  "snapshot",
  "feedback_round",
  "feedback_response",
  "share_link",
  "phase",
  "scenario",
  "time_entry",
] as const;
export type ActivityEntity = (typeof ACTIVITY_ENTITIES)[number];

export const activityEntrySchema = z
  .object({
    id: z.string(),
    seq: z.number().int().nullable(),
    at: z.string(),
    actor: personSchema.nullable(),
    entity: z.string(),
    entityId: z.string(),
    itemId: z.string().nullable(),
    action: z.string(),
    /** For updates: {field: {from, to}} of the fields that changed; for others, facts of the entity. */
    changes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ActivityEntry" });
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** One Server-Sent Event's data. Changes carry the roadmap's sequence number as the SSE id. */
export const roadmapEventSchema = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("hello"),
      connectionId: z.string(),
      userId: z.string(),
      seq: z.number().int(),
    }),
    z.object({
      type: z.enum(["created", "updated", "deleted", "restored", "resolved", "reopened"]),
      entity: z.string(),
      id: z.string(),
      version: z.number().int().nullable(),
      actorId: z.string().nullable(),
      at: z.string(),
      seq: z.number().int(),
      roadmapId: z.string(),
      itemId: z.string().nullable(),
      /** For an item created, updated or restored: the item as it was just after (saves a GET). */
      item: itemSchema.optional(),
    }),
    z.object({
      type: z.literal("presence"),
      /** Open pages, those editing an item first, then by arrival; at most 50 of them. */
      users: z.array(
        z.object({
          userId: z.string(),
          name: z.string(),
          connectionId: z.string(),
          itemId: z.string().nullable(),
        }),
      ),
      /** How many different people have the roadmap open, listed or not. */
      people: z.number().int(),
      at: z.string(),
    }),
    z.object({ type: z.literal("notification"), at: z.string() }),
    /** Too much was missed to replay: refetch everything. */
    z.object({ type: z.literal("reset"), seq: z.number().int() }),
  ])
  .meta({ id: "RoadmapEvent" });
export type RoadmapEvent = z.infer<typeof roadmapEventSchema>;
export type ChangeEvent = Extract<RoadmapEvent, { entity: string }>;
export type PresenceEvent = Extract<RoadmapEvent, { type: "presence" }>;
