import type { Database } from "@/db/types";
import { quartersOf } from "@/lib/planning/capacity";
import { dependencyHotSpots } from "@/lib/planning/dashboard-hot-spots";
import { keyMilestones, milestonesByQuarter, upcomingMilestones } from "@/lib/planning/dashboard-milestones";
import { workstreamProgress } from "@/lib/planning/dashboard-progress";
import { skillDemand, staffingGaps } from "@/lib/planning/dashboard-staffing";
import { verdictRollup } from "@/lib/planning/dashboard-verdicts";
import type { Schedule } from "@/lib/planning/schedule";
import {
  engineeringDashboardSchema,
  executiveDashboardSchema,
  productDashboardSchema,
  type Audience,
  type Dashboard,
  type EngineeringDashboard,
  type ExecutiveDashboard,
  type ProductDashboard,
} from "@/lib/validation/communication";
import type { Forecast, Risk } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadBoard, scheduleOf, type BoardContent } from "@/lib/services/roadmaps/board";
import { loadCapacity } from "@/lib/services/staffing/capacity";
import { openFeedbackRounds } from "./queries";
import { sinceLastExecutiveReview } from "./since-review";
import { AppError } from "@/lib/services/kernel/errors";
import { forecastBoard } from "@/lib/services/forecast/forecast";
import { loadRisks } from "@/lib/services/risks/rows";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { yieldToEventLoop } from "@/lib/services/kernel/event-loop";

/** Enough runs for stable P50/P80 on a dashboard, cached per roadmap change like the forecast page's. */
export const DASHBOARD_FORECAST = { runs: 2_000, seed: 1 };
const TOP_RISKS = 5;

export interface DashboardOptions {
  /** For a share link's view: nothing addressed to team members only (see buildProduct). */
  forShare?: boolean;
  /** The moment "today" and generatedAt are taken from (tests pin it). */
  now?: Date;
}

interface Context {
  db: Database;
  roadmap: RoadmapRow;
  now: Date;
  /** YYYY-MM-DD in UTC. */
  today: string;
  forShare: boolean;
}

const header = (ctx: Context) => ({
  roadmap: {
    id: ctx.roadmap.id,
    title: ctx.roadmap.title,
    startDate: ctx.roadmap.startDate,
    horizonMonths: ctx.roadmap.horizonMonths,
  },
  generatedAt: ctx.now.toISOString(),
});

/** The CPM schedule, or null when the links form a loop (data that arrived around the write paths). */
function scheduleOrNull(board: BoardContent): Schedule | null {
  try {
    return scheduleOf(board);
  } catch (error) {
    if (error instanceof AppError && error.code === "dependency_cycle") return null;
    throw error;
  }
}

/** The CPM early finish; without a schedule, the latest planned end of the items not cut. */
function plannedFinish(board: BoardContent, schedule: Schedule | null): string {
  if (schedule) return schedule.projectFinish;
  return board.items
    .filter((i) => i.status !== "cut")
    .reduce((latest, i) => (i.endDate > latest ? i.endDate : latest), board.roadmap.startDate);
}

/**
 * The Monte-Carlo forecast, or null when it cannot run (a dependency loop, nothing to forecast):
 * the dashboard shows the plan without its confidence rather than failing. A full forecast queue
 * is not such a case: it answers 503 with Retry-After, so that a dashboard (and a share link's
 * view, which is cached) is never kept without the forecast it would have had a moment later.
 */
async function forecastOrNull(board: BoardContent, risks: Risk[]): Promise<Forecast | null> {
  try {
    return await forecastBoard(board, risks, DASHBOARD_FORECAST);
  } catch (error) {
    if (error instanceof AppError && error.code === "service_busy") throw error;
    return null;
  }
}

const riskBrief = (r: Risk) => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  score: r.score,
  status: r.status,
  needsContingency: r.needsContingency,
  contingency: r.contingency,
});

async function buildExecutive(ctx: Context): Promise<ExecutiveDashboard> {
  const { db, roadmap } = ctx;
  const [board, risks, sinceLastReview] = await Promise.all([
    loadBoard(db, roadmap),
    loadRisks(db, roadmap.id),
    sinceLastExecutiveReview(db, roadmap, ctx.now),
  ]);
  const [forecast, capacity] = await Promise.all([
    forecastOrNull(board, risks),
    loadCapacity(db, roadmap, board),
  ]);
  // The capacity roll-up and the CPM pass each take tens of ms at 10,000 items (more under load):
  // other requests are served between them (a picture's deck builds this dashboard too).
  await yieldToEventLoop();
  const schedule = scheduleOrNull(board);
  const outlook = new Map(forecast?.milestones.map((m) => [m.id, m]));
  return {
    audience: "executive",
    ...header(ctx),
    milestonesByQuarter: milestonesByQuarter(
      board.items,
      quartersOf(roadmap.startDate, roadmap.horizonMonths),
    ),
    keyMilestones: keyMilestones(board.items).map((m) => ({
      id: m.id,
      title: m.title,
      date: m.startDate,
      status: m.status,
      p80: outlook.get(m.id)?.p80 ?? null,
      onTimeProbability: outlook.get(m.id)?.onTimeProbability ?? null,
    })),
    projectFinish: {
      planned: plannedFinish(board, schedule),
      p50: forecast?.projectFinish.p50 ?? null,
      p80: forecast?.projectFinish.p80 ?? null,
    },
    topRisks: risks
      .filter((r) => r.status !== "closed")
      .slice(0, TOP_RISKS)
      .map(riskBrief),
    staffingGaps: staffingGaps(capacity),
    sinceLastReview,
  };
}

async function buildEngineering(ctx: Context): Promise<EngineeringDashboard> {
  const board = await loadBoard(ctx.db, ctx.roadmap);
  const capacity = await loadCapacity(ctx.db, ctx.roadmap, board);
  const schedule = scheduleOrNull(board);
  const scheduled = new Map(schedule?.items.map((s) => [s.id, s]));
  const itemById = new Map(board.items.map((i) => [i.id, i]));
  const live = board.items.filter((i) => i.status !== "cut");
  // The schedule lists its critical path by early start (then finish, then id).
  const criticalPath = (schedule?.criticalPath ?? []).map((id) => {
    const item = itemById.get(id)!;
    const at = scheduled.get(id)!;
    return { id, title: item.title, kind: item.kind, earlyStart: at.earlyStart, earlyFinish: at.earlyFinish };
  });
  return {
    audience: "engineering",
    ...header(ctx),
    criticalPath,
    projectFinish: plannedFinish(board, schedule),
    verdicts: verdictRollup(live, (id) => board.feedback[id]),
    skillDemand: skillDemand(capacity),
    hotSpots: dependencyHotSpots(live, board.dependencies, (id) => {
      const at = scheduled.get(id);
      return at && { slackDays: at.totalSlackDays, critical: at.critical };
    }),
  };
}

async function buildProduct(ctx: Context): Promise<ProductDashboard> {
  const { db, roadmap } = ctx;
  const [board, risks, rounds] = await Promise.all([
    loadBoard(db, roadmap),
    loadRisks(db, roadmap.id),
    // Rounds ask the team's members, who answer signed in: a share link's visitor cannot, so its
    // view leaves them out (their questions are the team's own conversation).
    ctx.forShare ? [] : openFeedbackRounds(db, roadmap.id, ctx.today),
  ]);
  return {
    audience: "product",
    ...header(ctx),
    workstreams: workstreamProgress(board.workstreams, board.items),
    openRounds: rounds,
    risksNeedingContingency: risks.filter((r) => r.needsContingency).map(riskBrief),
    upcomingMilestones: upcomingMilestones(board.items, ctx.today).map((m) => ({
      id: m.id,
      title: m.title,
      date: m.startDate,
      status: m.status,
    })),
  };
}

const BUILDERS = {
  executive: [buildExecutive, executiveDashboardSchema],
  engineering: [buildEngineering, engineeringDashboardSchema],
  product: [buildProduct, productDashboardSchema],
} as const;

/**
 * The dashboard of one audience, with no access check: getDashboard checks a member's role, the
 * share view checks its link. Every answer goes through its audience's schema, which strips any
 * field it does not name, so nothing beyond the contract leaves: the schemas hold no people (no
 * owners, authors or emails) and no comment or response texts, only titles, dates and counts.
 */
export async function buildDashboard(
  db: Database,
  roadmap: RoadmapRow,
  audience: Audience,
  options: DashboardOptions = {},
): Promise<Dashboard> {
  const now = options.now ?? new Date();
  const ctx: Context = {
    db,
    roadmap,
    now,
    today: now.toISOString().slice(0, 10),
    forShare: options.forShare ?? false,
  };
  const [build, schema] = BUILDERS[audience];
  return schema.parse(await build(ctx));
}

export async function getDashboard(
  db: Database,
  actor: Actor,
  roadmapId: string,
  audience: Audience,
  options: Omit<DashboardOptions, "forShare"> = {},
): Promise<Dashboard> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return buildDashboard(db, roadmap, audience, options);
}
