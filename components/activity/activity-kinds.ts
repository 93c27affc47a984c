/** The kinds of change the roadmap activity page filters by (?kind=), and the entities of each. */
export const ACTIVITY_KINDS = {
  items: { label: "Items", entities: ["item"] },
  dependencies: { label: "Dependencies", entities: ["dependency"] },
  lanes: { label: "Lanes", entities: ["workstream"] },
  comments: { label: "Comments", entities: ["comment"] },
} as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS | "all";

export function activityKindOf(value: unknown): ActivityKind {
  return typeof value === "string" && Object.hasOwn(ACTIVITY_KINDS, value) ? (value as ActivityKind) : "all";
}
