/** The kinds of change the roadmap activity page filters by (?kind=), and the entity of each. */
export const ACTIVITY_KINDS = {
  items: { label: "Items", entity: "item" },
  dependencies: { label: "Dependencies", entity: "dependency" },
  lanes: { label: "Lanes", entity: "workstream" },
  comments: { label: "Comments", entity: "comment" },
  reviews: { label: "Reviews", entity: "review" },
  snapshots: { label: "Snapshots", entity: "snapshot" },
  feedback: { label: "Feedback rounds", entity: "feedback_round" },
  sharing: { label: "Share links", entity: "share_link" },
  phases: { label: "Phases", entity: "phase" },
  scenarios: { label: "Scenarios", entity: "scenario" },
} as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS | "all";

export function activityKindOf(value: unknown): ActivityKind {
  return typeof value === "string" && Object.hasOwn(ACTIVITY_KINDS, value) ? (value as ActivityKind) : "all";
}
