import type { Audience } from "@/lib/validation/communication-kinds";

type DiffSide = string;

/**
 * Every TanStack Query key the app uses, in one place so mutations invalidate the right ones. No
 * imports but types: server pages use it too, to hand the browser's cache what they loaded.
 * A roadmap's keys all start with roadmap(id), so invalidating that prefix refetches its pages.
 */
export const queryKeys = {
  me: ["me"] as const,
  myTeams: ["my-teams"] as const,
  team: (teamId: string) => ["team", teamId] as const,
  members: (teamId: string) => ["team", teamId, "members"] as const,
  invitations: (teamId: string) => ["team", teamId, "invitations"] as const,
  skills: (teamId: string) => ["team", teamId, "skills"] as const,
  webhooks: (teamId: string) => ["team", teamId, "webhooks"] as const,
  webhookDeliveries: (webhookId: string) => ["webhook", webhookId, "deliveries"] as const,
  tokens: ["tokens"] as const,
  roadmap: (roadmapId: string) => ["roadmap", roadmapId] as const,
  board: (roadmapId: string) => ["roadmap", roadmapId, "board"] as const,
  schedule: (roadmapId: string) => ["roadmap", roadmapId, "schedule"] as const,
  /** The whole log (the prefix), one item's, or one page set of a filtered view. */
  activity: (roadmapId: string, itemId?: string) =>
    (itemId
      ? ["roadmap", roadmapId, "activity", itemId]
      : ["roadmap", roadmapId, "activity"]) as readonly string[],
  activityFeed: (roadmapId: string, itemId: string | undefined, entity: string | undefined) =>
    [...queryKeys.activity(roadmapId, itemId), entity ?? "all"] as readonly string[],
  presence: (roadmapId: string) => ["roadmap", roadmapId, "presence"] as const,
  staffing: (roadmapId: string) => ["roadmap", roadmapId, "staffing"] as const,
  capacity: (roadmapId: string) => ["roadmap", roadmapId, "capacity"] as const,
  risks: (roadmapId: string) => ["roadmap", roadmapId, "risks"] as const,
  /** Every forecast of the roadmap (the prefix), or one run's answer (PERT unless `method` says). */
  forecast: (roadmapId: string, params?: { runs: number; seed: number; method?: string }) =>
    (params
      ? ["roadmap", roadmapId, "forecast", params.runs, params.seed, params.method ?? "pert"]
      : ["roadmap", roadmapId, "forecast"]) as readonly (string | number)[],
  estimateAccuracy: (roadmapId: string, by: string) =>
    ["roadmap", roadmapId, "estimate-accuracy", by] as const,
  confidence: (roadmapId: string, method: string) => ["roadmap", roadmapId, "confidence", method] as const,
  phases: (roadmapId: string) => ["roadmap", roadmapId, "phases"] as const,
  scenarios: (baseId: string) => ["roadmap", baseId, "scenarios"] as const,
  scenarioCompare: (baseId: string, scenarioId: string) =>
    ["roadmap", baseId, "scenarios", scenarioId, "compare"] as const,
  dashboard: (roadmapId: string, audience: Audience) =>
    ["roadmap", roadmapId, "dashboards", audience] as const,
  cadence: (roadmapId: string) => ["roadmap", roadmapId, "cadence"] as const,
  reviews: (roadmapId: string) => ["roadmap", roadmapId, "reviews"] as const,
  snapshots: (roadmapId: string) => ["roadmap", roadmapId, "snapshots"] as const,
  /** Every diff of the roadmap (the prefix), or one pair of versions ("now" when `to` is left out). */
  diff: (roadmapId: string, from?: DiffSide, to?: DiffSide) =>
    (from
      ? ["roadmap", roadmapId, "diff", from, to ?? "now"]
      : ["roadmap", roadmapId, "diff"]) as readonly string[],
  feedbackRounds: (roadmapId: string) => ["roadmap", roadmapId, "feedback-rounds"] as const,
  feedbackRound: (roadmapId: string, roundId: string) =>
    ["roadmap", roadmapId, "feedback-rounds", roundId] as const,
  feedbackResults: (roadmapId: string, roundId: string) =>
    ["roadmap", roadmapId, "feedback-rounds", roundId, "results"] as const,
  shareLinks: (roadmapId: string) => ["roadmap", roadmapId, "share-links"] as const,
  /** Every item's queries (the prefix: their comments). */
  items: ["item"] as const,
  comments: (itemId: string) => ["item", itemId, "comments"] as const,
  notifications: ["notifications"] as const,
  notificationList: (filter: string, pageSize: number) =>
    ["notifications", "list", filter, pageSize] as readonly (string | number)[],
};
