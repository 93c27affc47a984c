import { z } from "zod";
import { idSchema, text } from "./common";
import { personSchema } from "./collaboration";
import { AUDIENCES, CADENCE_INTERVALS, SNAPSHOT_KINDS } from "./communication-kinds";
import { isoDateSchema } from "./dates";
import { ITEM_KINDS, ITEM_STATUSES } from "./timeline";

export * from "./communication-kinds";

export const audienceSchema = z.enum(AUDIENCES, {
  error: 'audience must be "executive", "engineering" or "product".',
});

// ---------------------------------------------------------------- cadence

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

// ---------------------------------------------------------------- snapshots and reviews

export const createSnapshotSchema = z.strictObject({ label: text(200, "Label") });

export const snapshotSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    label: z.string(),
    kind: z.enum(SNAPSHOT_KINDS),
    itemCount: z.number().int(),
    seq: z.number().int(),
    createdBy: personSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Snapshot" });
export type Snapshot = z.infer<typeof snapshotSchema>;

export const createReviewSchema = z.strictObject({
  audience: audienceSchema,
  heldOn: isoDateSchema,
  notes: z.string().trim().max(20_000, "Notes must be at most 20,000 characters.").default(""),
  decisions: z.array(text(1_000, "A decision")).max(50, "At most 50 decisions per review.").default([]),
});
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const reviewSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    audience: audienceSchema,
    heldOn: z.string(),
    notes: z.string(),
    decisions: z.array(z.string()),
    snapshot: snapshotSchema,
    createdBy: personSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Review" });
export type Review = z.infer<typeof reviewSchema>;

// ---------------------------------------------------------------- diff

/** A snapshot id, or "now" for the roadmap as it is. */
export const diffQuerySchema = z.object({
  from: z.union([z.literal("now"), z.uuid('from must be a snapshot id or "now".')]),
  to: z.union([z.literal("now"), z.uuid('to must be a snapshot id or "now".')]).default("now"),
});

const itemRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  isKey: z.boolean(),
  startDate: z.string(),
  endDate: z.string(),
  /** The lane's name, or null. */
  workstream: z.string().nullable(),
});
export type DiffItemRef = z.infer<typeof itemRefSchema>;

const fieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const diffSideSchema = z.object({
  /** A snapshot's id, or "now". */
  id: z.string(),
  label: z.string(),
  /** When the snapshot was taken, or the time of the diff for "now". */
  at: z.string(),
});

export const diffSummarySchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  moved: z.number().int(),
  changed: z.number().int(),
  dependenciesAdded: z.number().int(),
  dependenciesRemoved: z.number().int(),
  risksAdded: z.number().int(),
  risksRemoved: z.number().int(),
  risksChanged: z.number().int(),
});
export type DiffSummary = z.infer<typeof diffSummarySchema>;

export const roadmapDiffSchema = z
  .object({
    summary: diffSummarySchema,
    items: z.object({
      added: z.array(itemRefSchema),
      /** Items gone, and items cut (status changed to cut) are listed here too, as before. */
      removed: z.array(itemRefSchema),
      /** Start or end date changed; days are calendar days, later positive. */
      moved: z.array(
        itemRefSchema.extend({
          fromStart: z.string(),
          fromEnd: z.string(),
          startDays: z.number().int(),
          endDays: z.number().int(),
        }),
      ),
      /** Other fields changed (title, status, lane, estimate, skills, owner, outcome, key, description). */
      changed: z.array(itemRefSchema.extend({ fields: z.array(fieldChangeSchema) })),
    }),
    dependencies: z.object({
      added: z.array(
        z.object({
          fromId: z.string(),
          toId: z.string(),
          fromTitle: z.string(),
          toTitle: z.string(),
          lagDays: z.number().int(),
        }),
      ),
      removed: z.array(
        z.object({
          fromId: z.string(),
          toId: z.string(),
          fromTitle: z.string(),
          toTitle: z.string(),
          lagDays: z.number().int(),
        }),
      ),
    }),
    risks: z.object({
      added: z.array(z.object({ id: z.string(), title: z.string(), score: z.number().int() })),
      removed: z.array(z.object({ id: z.string(), title: z.string(), score: z.number().int() })),
      changed: z.array(z.object({ id: z.string(), title: z.string(), fields: z.array(fieldChangeSchema) })),
    }),
    criticalPath: z.object({
      before: z.array(z.object({ id: z.string(), title: z.string() })),
      after: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
    /** CPM early finish of the whole plan; days: calendar days, later positive. */
    projectFinish: z.object({ before: z.string(), after: z.string(), days: z.number().int() }),
  })
  .meta({ id: "RoadmapDiff" });
export type RoadmapDiff = z.infer<typeof roadmapDiffSchema>;

export const diffResponseSchema = z.object({
  from: diffSideSchema,
  to: diffSideSchema,
  diff: roadmapDiffSchema,
});
export type DiffResponse = z.infer<typeof diffResponseSchema>;

// ---------------------------------------------------------------- feedback rounds

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

// ---------------------------------------------------------------- share links

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

// ---------------------------------------------------------------- dashboards

const quarterStatusSchema = z.object({
  quarter: z.string(),
  planned: z.number().int(),
  inProgress: z.number().int(),
  atRisk: z.number().int(),
  done: z.number().int(),
  cut: z.number().int(),
});

const milestoneOutlookSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  status: z.enum(ITEM_STATUSES),
  /** null when the forecast could not run (e.g. a dependency loop). */
  p80: z.string().nullable(),
  onTimeProbability: z.number().nullable(),
});

const riskBriefSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  score: z.number().int(),
  status: z.string(),
  needsContingency: z.boolean(),
  contingency: z.string().nullable(),
});

const staffingGapSchema = z.object({
  skillId: z.string(),
  skill: z.string(),
  /** The quarter with the largest shortfall. */
  worstQuarter: z.string(),
  /** Hours short over the horizon (sum of positive quarterly gaps). */
  gapHours: z.number(),
  addHeadcount: z.number(),
});

export const executiveDashboardSchema = z.object({
  audience: z.literal("executive"),
  roadmap: z.object({
    id: z.string(),
    title: z.string(),
    startDate: z.string(),
    horizonMonths: z.number().int(),
  }),
  generatedAt: z.string(),
  milestonesByQuarter: z.array(quarterStatusSchema),
  keyMilestones: z.array(milestoneOutlookSchema),
  projectFinish: z.object({ planned: z.string(), p50: z.string().nullable(), p80: z.string().nullable() }),
  topRisks: z.array(riskBriefSchema),
  staffingGaps: z.array(staffingGapSchema),
  /** Against the snapshot of the last executive review; null when none was held. */
  sinceLastReview: z
    .object({
      reviewId: z.string(),
      heldOn: z.string(),
      summary: diffSummarySchema,
      finishDays: z.number().int(),
      /** Key milestones and features that moved, largest move first (at most 10). */
      moved: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          fromStart: z.string(),
          toStart: z.string(),
          startDays: z.number().int(),
        }),
      ),
    })
    .nullable(),
});

export const engineeringDashboardSchema = z.object({
  audience: z.literal("engineering"),
  roadmap: z.object({
    id: z.string(),
    title: z.string(),
    startDate: z.string(),
    horizonMonths: z.number().int(),
  }),
  generatedAt: z.string(),
  criticalPath: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(ITEM_KINDS),
      earlyStart: z.string(),
      earlyFinish: z.string(),
    }),
  ),
  projectFinish: z.string(),
  verdicts: z.object({
    feasible: z.number().int(),
    concerns: z.number().int(),
    notFeasible: z.number().int(),
    /** Items with a concerns or not-feasible verdict, worst first. */
    flagged: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        concerns: z.number().int(),
        notFeasible: z.number().int(),
        feasible: z.number().int(),
      }),
    ),
  }),
  skillDemand: z.array(
    z.object({
      skillId: z.string(),
      skill: z.string(),
      quarters: z.array(
        z.object({ quarter: z.string(), demandHours: z.number(), capacityHours: z.number() }),
      ),
    }),
  ),
  /** Items that most work waits on: successors (direct and indirect) and slack, at most 10. */
  hotSpots: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      predecessors: z.number().int(),
      successors: z.number().int(),
      downstream: z.number().int(),
      slackDays: z.number().int(),
      critical: z.boolean(),
    }),
  ),
});

export const productDashboardSchema = z.object({
  audience: z.literal("product"),
  roadmap: z.object({
    id: z.string(),
    title: z.string(),
    startDate: z.string(),
    horizonMonths: z.number().int(),
  }),
  generatedAt: z.string(),
  workstreams: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      planned: z.number().int(),
      inProgress: z.number().int(),
      atRisk: z.number().int(),
      done: z.number().int(),
      cut: z.number().int(),
      /** Share of estimated hours (items without estimates count one each) done, 0-1. */
      progress: z.number(),
    }),
  ),
  openRounds: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      audience: audienceSchema,
      closesOn: z.string(),
      respondentCount: z.number().int(),
    }),
  ),
  risksNeedingContingency: z.array(riskBriefSchema),
  upcomingMilestones: z.array(milestoneOutlookSchema.omit({ p80: true, onTimeProbability: true })),
});

export const dashboardSchema = z
  .discriminatedUnion("audience", [
    executiveDashboardSchema,
    engineeringDashboardSchema,
    productDashboardSchema,
  ])
  .meta({ id: "Dashboard" });
export type Dashboard = z.infer<typeof dashboardSchema>;
export type ExecutiveDashboard = z.infer<typeof executiveDashboardSchema>;
export type EngineeringDashboard = z.infer<typeof engineeringDashboardSchema>;
export type ProductDashboard = z.infer<typeof productDashboardSchema>;

/** What a share link shows: the audience's dashboard and its milestones, no people, no comments. */
export const sharedViewSchema = z
  .object({
    audience: audienceSchema,
    expiresAt: z.string(),
    roadmap: z.object({ title: z.string(), startDate: z.string(), horizonMonths: z.number().int() }),
    dashboard: dashboardSchema,
    /** The timeline as the audience sees it: lanes and items (no owners, estimates or comments). */
    timeline: z.object({
      workstreams: z.array(z.object({ id: z.string(), name: z.string() })),
      items: z.array(
        itemRefSchema.extend({ status: z.enum(ITEM_STATUSES), workstreamId: z.string().nullable() }),
      ),
    }),
  })
  .meta({ id: "SharedView" });
export type SharedView = z.infer<typeof sharedViewSchema>;

// ---------------------------------------------------------------- export and import

export const importQuerySchema = z.object({
  /** A title for the new roadmap instead of the file's. */
  title: z.string().trim().min(1).max(200).optional(),
});

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const importSkipSchema = z.object({
  /** Where in the file: "line 12", "task 41", "items[3]". */
  where: z.string(),
  what: z.string(),
  reason: z.string(),
});
export type ImportSkip = z.infer<typeof importSkipSchema>;

export const importResultSchema = z
  .object({
    roadmap: z.object({
      id: z.string(),
      title: z.string(),
      startDate: z.string(),
      horizonMonths: z.number().int(),
      version: z.number().int(),
    }),
    source: z.enum(["json", "csv", "mspdi"]),
    imported: z.object({
      workstreams: z.number().int(),
      items: z.number().int(),
      dependencies: z.number().int(),
      risks: z.number().int(),
    }),
    /** The first 200 things left out, in file order; `skippedTotal` counts them all. */
    skipped: z.array(importSkipSchema),
    skippedTotal: z.number().int(),
    /** How many were left out for each reason, most frequent first. */
    skippedByReason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof importResultSchema>;
