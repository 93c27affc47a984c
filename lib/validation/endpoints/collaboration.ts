import { z } from "zod";
import {
  ACTIVITY_ENTITIES,
  activityEntrySchema,
  commentSchema,
  commentThreadSchema,
  createCommentSchema,
  feedbackSummarySchema,
  markNotificationsReadSchema,
  notificationSchema,
  pageQuerySchema,
  personSchema,
  presenceInputSchema,
  resolveCommentSchema,
  updateCommentSchema,
} from "../collaboration";
import { okSchema } from "../common";
import { defineEndpoint } from "../endpoint";

const tag = "Collaboration";
const commentOnly = z.object({ comment: commentSchema });

export const listComments = defineEndpoint({
  method: "GET",
  path: "/api/items/{itemId}/comments",
  summary:
    "The item's comment threads, oldest first, replies inside their thread; with a summary of verdicts",
  tag,
  query: pageQuerySchema,
  response: z.object({
    items: z.array(commentThreadSchema),
    nextCursor: z.string().nullable(),
    summary: feedbackSummarySchema,
  }),
});

export const createComment = defineEndpoint({
  method: "POST",
  path: "/api/items/{itemId}/comments",
  summary:
    "Comment on an item (commenter), or reply to a thread with parentId; @name or @email mentions notify members",
  tag,
  body: createCommentSchema,
  response: commentOnly,
  status: 201,
  errors: ["invalid_reference", "comment_deleted", "invalid_mention"],
});

export const updateComment = defineEndpoint({
  method: "PATCH",
  path: "/api/comments/{commentId}",
  summary: "Edit a comment (its author only); marked edited",
  tag,
  body: updateCommentSchema,
  ifMatch: "required",
  response: commentOnly,
  errors: ["invalid_mention", "comment_deleted"],
});

export const deleteComment = defineEndpoint({
  method: "DELETE",
  path: "/api/comments/{commentId}",
  summary: "Delete a comment (its author or an editor); restorable for 30 days",
  tag,
  ifMatch: "required",
  response: commentOnly,
});

export const restoreComment = defineEndpoint({
  method: "POST",
  path: "/api/comments/{commentId}/restore",
  summary: "Restore a deleted comment (its author or an editor)",
  tag,
  response: commentOnly,
});

export const resolveComment = defineEndpoint({
  method: "POST",
  path: "/api/comments/{commentId}/resolve",
  summary: 'Resolve a thread (editor); {"resolved": false} reopens it',
  tag,
  body: resolveCommentSchema,
  ifMatch: "optional",
  response: commentOnly,
  errors: ["comment_deleted", "not_thread_root"],
});

export const listNotifications = defineEndpoint({
  method: "GET",
  path: "/api/notifications",
  summary: "The caller's notifications, newest first, with the unread count",
  tag,
  query: pageQuerySchema.extend({ unread: z.enum(["true", "false"]).optional() }),
  response: z.object({
    items: z.array(notificationSchema),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int(),
  }),
});

export const markNotificationsRead = defineEndpoint({
  method: "POST",
  path: "/api/notifications/read",
  summary: "Mark the caller's notifications read, by id or all",
  tag,
  body: markNotificationsReadSchema,
  response: z.object({ unreadCount: z.number().int() }),
});

export const listActivity = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/activity",
  summary:
    "Who changed what on the roadmap, newest first; itemId= narrows to one item and its comments, entity= to one kind of thing",
  tag,
  query: pageQuerySchema.extend({
    itemId: z.uuid("itemId must be an item's id.").optional(),
    entity: z
      .enum(ACTIVITY_ENTITIES, { error: `entity must be one of ${ACTIVITY_ENTITIES.join(", ")}.` })
      .optional(),
  }),
  response: z.object({ items: z.array(activityEntrySchema), nextCursor: z.string().nullable() }),
});

export const roadmapEvents = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/events",
  summary:
    "Server-Sent Events (text/event-stream): every committed change, presence, and the caller's new notifications; resumes after Last-Event-ID (header, or lastEventId=). At most 20 open per user; a stream closes when its token, session or membership is revoked or its roadmap deleted",
  tag,
  errors: ["rate_limited"],
  produces: ["text/event-stream"],
  query: z.object({
    lastEventId: z
      .string()
      .regex(/^\d{1,15}$/, "lastEventId must be the id of an event this stream sent.")
      .transform(Number)
      .optional(),
  }),
});

export const updatePresence = defineEndpoint({
  method: "PUT",
  path: "/api/roadmaps/{roadmapId}/presence",
  summary: "Say which item this open page is editing (connectionId from the stream's hello event)",
  tag,
  body: presenceInputSchema,
  response: okSchema,
});

export const listPresence = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/presence",
  summary: "Who has the roadmap open now",
  tag,
  response: z.object({
    items: z.array(z.object({ user: personSchema, connectionId: z.string(), itemId: z.string().nullable() })),
  }),
});
