import type { Audience } from "@/lib/validation/communication-kinds";

/** What each audience's timeline picture and deck draw (api.md, "Pictures and slides"). */
export const PICTURE_AUDIENCE_SHOWS: Record<Audience, string> = {
  executive: "Lanes, key milestones with their P80 forecast, and phases. No dependency arrows.",
  engineering: "Everything: dependencies with lags, the critical path and slack, phases and gates.",
  product: "Lanes with each item's progress, milestones and phases.",
};
