/** Every TanStack Query key the app uses, in one place so mutations invalidate the right ones. */
export const queryKeys = {
  me: ["me"] as const,
  myTeams: ["my-teams"] as const,
  team: (teamId: string) => ["team", teamId] as const,
  members: (teamId: string) => ["team", teamId, "members"] as const,
  invitations: (teamId: string) => ["team", teamId, "invitations"] as const,
  skills: (teamId: string) => ["team", teamId, "skills"] as const,
  tokens: ["tokens"] as const,
  roadmap: (roadmapId: string) => ["roadmap", roadmapId] as const,
  board: (roadmapId: string) => ["roadmap", roadmapId, "board"] as const,
  schedule: (roadmapId: string) => ["roadmap", roadmapId, "schedule"] as const,
  activity: (roadmapId: string, itemId?: string) =>
    (itemId
      ? ["roadmap", roadmapId, "activity", itemId]
      : ["roadmap", roadmapId, "activity"]) as readonly string[],
  presence: (roadmapId: string) => ["roadmap", roadmapId, "presence"] as const,
  staffing: (roadmapId: string) => ["roadmap", roadmapId, "staffing"] as const,
  capacity: (roadmapId: string) => ["roadmap", roadmapId, "capacity"] as const,
  risks: (roadmapId: string) => ["roadmap", roadmapId, "risks"] as const,
  /** Every forecast of the roadmap (the prefix), or one run's answer. */
  forecast: (roadmapId: string, params?: { runs: number; seed: number }) =>
    (params
      ? ["roadmap", roadmapId, "forecast", params.runs, params.seed]
      : ["roadmap", roadmapId, "forecast"]) as readonly (string | number)[],
  comments: (itemId: string) => ["item", itemId, "comments"] as const,
  notifications: ["notifications"] as const,
};
