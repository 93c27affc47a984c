import { z } from "zod";
import {
  cadenceSchema,
  createFeedbackRoundSchema,
  createReviewSchema,
  createShareLinkSchema,
  createSnapshotSchema,
  dashboardSchema,
  diffQuerySchema,
  diffResponseSchema,
  feedbackResponseInputSchema,
  feedbackResponseSchema,
  feedbackResultsSchema,
  feedbackRoundDetailSchema,
  feedbackRoundSchema,
  importQuerySchema,
  importResultSchema,
  MAX_IMPORT_BYTES,
  putCadenceSchema,
  reviewSchema,
  shareLinkSchema,
  sharedViewSchema,
  snapshotSchema,
} from "../communication";
import { defineEndpoint } from "../endpoint";
import { PICTURE_MEDIA_TYPES, roadmapExportQuerySchema } from "../pictures";
import { roadmapDocumentSchema } from "../roadmap-document";

const tag = "Stakeholder communication";

export const getCadence = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/cadence",
  summary: "Review rules per audience, and when each review is next due (overdue ones flagged)",
  tag,
  response: z.object({ cadence: cadenceSchema }),
});

export const putCadence = defineEndpoint({
  method: "PUT",
  path: "/api/roadmaps/{roadmapId}/cadence",
  summary: "Replace the review rules (editor); If-Match on the cadence's version is honoured when sent",
  tag,
  body: putCadenceSchema,
  ifMatch: "optional",
  response: z.object({ cadence: cadenceSchema }),
});

export const listReviews = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/reviews",
  summary: "Reviews held, latest first",
  tag,
  response: z.object({ items: z.array(reviewSchema) }),
});

export const createReview = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/reviews",
  summary: "Record a review (editor): audience, date, notes, decisions; takes a snapshot",
  tag,
  body: createReviewSchema,
  status: 201,
  response: z.object({ review: reviewSchema }),
});

export const getCalendar = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/calendar.ics",
  summary: "Upcoming reviews (next 12 months) and key milestones as an iCalendar feed",
  tag,
  produces: ["text/calendar"],
});

export const listSnapshots = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/snapshots",
  summary: "Snapshots of the roadmap, newest first",
  tag,
  response: z.object({ items: z.array(snapshotSchema) }),
});

export const createSnapshot = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/snapshots",
  summary: "Take a labelled snapshot of the roadmap as it is (editor)",
  tag,
  body: createSnapshotSchema,
  status: 201,
  response: z.object({ snapshot: snapshotSchema }),
});

export const getSnapshot = defineEndpoint({
  method: "GET",
  path: "/api/snapshots/{snapshotId}",
  summary: "One snapshot with its frozen roadmap document",
  tag,
  response: z.object({ snapshot: snapshotSchema, document: roadmapDocumentSchema }),
});

export const getDiff = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/diff",
  summary:
    "What changed between two snapshots, or a snapshot and now (from=<id>&to=<id>|now): items added, removed, moved, changed; links and risks; the critical path before and after",
  tag,
  query: diffQuerySchema,
  response: diffResponseSchema,
  errors: ["cross_roadmap"],
});

export const listFeedbackRounds = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/feedback-rounds",
  summary: "Feedback rounds, open ones first",
  tag,
  response: z.object({ items: z.array(feedbackRoundSchema) }),
});

export const createFeedbackRound = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/feedback-rounds",
  summary: "Open a feedback round on the current version (editor): takes a snapshot it asks about",
  tag,
  body: createFeedbackRoundSchema,
  status: 201,
  response: z.object({ round: feedbackRoundSchema }),
});

export const getFeedbackRound = defineEndpoint({
  method: "GET",
  path: "/api/feedback-rounds/{roundId}",
  summary: "A round, the items it asks about, and the caller's own responses",
  tag,
  response: feedbackRoundDetailSchema,
});

export const closeFeedbackRound = defineEndpoint({
  method: "POST",
  path: "/api/feedback-rounds/{roundId}/close",
  summary: "Close a round before its closing date (editor); it becomes read-only",
  tag,
  ifMatch: "optional",
  response: z.object({ round: feedbackRoundSchema }),
});

export const respondToFeedbackRound = defineEndpoint({
  method: "POST",
  path: "/api/feedback-rounds/{roundId}/responses",
  summary:
    "Rate an item (or the roadmap overall, no itemId) 1-5 with an optional comment (commenter); answering again replaces your response (200) until the round closes",
  tag,
  body: feedbackResponseInputSchema,
  status: 201,
  response: z.object({ response: feedbackResponseSchema }),
  errors: ["feedback_round_closed", "invalid_reference"],
});

export const getFeedbackResults = defineEndpoint({
  method: "GET",
  path: "/api/feedback-rounds/{roundId}/results",
  summary: "Counts, averages, rating distributions and comments, overall and per item",
  tag,
  response: feedbackResultsSchema,
});

export const listShareLinks = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/share-links",
  summary: "Share links of the roadmap, with their status (editor)",
  tag,
  response: z.object({ items: z.array(shareLinkSchema) }),
});

export const createShareLink = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/share-links",
  summary:
    "Create a read-only audience link (editor); the url (with its secret token) is answered once and never again",
  tag,
  body: createShareLinkSchema,
  status: 201,
  response: z.object({ shareLink: shareLinkSchema, url: z.string() }),
});

export const revokeShareLink = defineEndpoint({
  method: "DELETE",
  path: "/api/share-links/{shareLinkId}",
  summary: "Revoke a share link (editor); it answers 410 from then on",
  tag,
  ifMatch: "optional",
  response: z.object({ shareLink: shareLinkSchema }),
});

export const getSharedView = defineEndpoint({
  method: "GET",
  path: "/api/share/{token}",
  summary: "The audience view a share link opens, without sign-in; 410 once expired or revoked",
  tag,
  auth: "none",
  response: sharedViewSchema,
  errors: ["share_link_gone"],
});

export const getSharedCalendar = defineEndpoint({
  method: "GET",
  path: "/api/share/{token}/calendar.ics",
  summary:
    "The shared roadmap's reviews and key milestones as an iCalendar feed calendar apps can subscribe to",
  tag,
  auth: "none",
  produces: ["text/calendar"],
  errors: ["share_link_gone"],
});

export const getDashboard = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/dashboards/{audience}",
  summary: "The executive, engineering or product dashboard",
  tag,
  response: dashboardSchema,
});

export const exportRoadmap = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/export",
  summary:
    "Download the roadmap: json (lossless, re-importable), csv (items), md (a brief), ics (reviews and milestones); or its timeline for an audience as svg, png (2x), pdf (landscape, paged by lanes) or pptx (an editable deck), cut to from/to",
  tag,
  query: roadmapExportQuerySchema,
  produces: [
    "application/json",
    "text/csv",
    "text/markdown",
    "text/calendar",
    ...Object.values(PICTURE_MEDIA_TYPES),
  ],
  errors: ["outside_horizon", "too_large_for_picture"],
});

export const importRoadmap = defineEndpoint({
  method: "POST",
  path: "/api/teams/{teamId}/imports",
  summary:
    "Import a roadmap (editor) from a Cairn JSON export, a CSV of items, or Microsoft Project XML, as the raw body or multipart field `file` (at most 10 MiB); answers the new roadmap and what was skipped and why. With Accept: application/x-ndjson the answer streams progress lines, then the result",
  tag,
  query: importQuerySchema,
  rawBody: {
    contentTypes: ["application/json", "text/csv", "application/xml", "text/xml", "multipart/form-data"],
    description: "The file",
  },
  maxBodyBytes: MAX_IMPORT_BYTES,
  status: 201,
  response: importResultSchema,
  errors: ["unsafe_xml", "horizon_out_of_range"],
});
