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
  comments: (itemId: string) => ["item", itemId, "comments"] as const,
  notifications: ["notifications"] as const,
};
