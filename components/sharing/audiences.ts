import type { Audience } from "@/lib/validation/communication";

export { AUDIENCE_LABELS } from "@/components/dashboards/audience-labels";

/** What each audience's view (its dashboard, and a share link for it) puts first. */
export const AUDIENCE_SHOWS: Record<Audience, string> = {
  executive:
    "Key milestones with confidence, top risks, staffing gaps and what changed since the last review.",
  engineering:
    "The critical path, feasibility verdicts, skill demand against capacity and dependency hot spots.",
  product: "Progress per workstream, open feedback rounds, risks needing a plan and upcoming milestones.",
};
