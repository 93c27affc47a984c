/** The three audience dashboards, and what a share link shows (a dashboard and its milestones). */
import { z } from "zod";
import { audienceSchema } from "./audience";
import { diffSummarySchema, itemRefSchema } from "./reviews";
import { ITEM_KINDS, ITEM_STATUSES } from "./timeline";

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
