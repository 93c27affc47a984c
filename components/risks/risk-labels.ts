import type { BadgeTone } from "@/components/ui/badge";
import { HIGH_RISK_SCORE } from "@/lib/client/resources";
import type { RiskKind, RiskStatus } from "@/lib/validation/resources";

export const RISK_KIND_INFO: Record<RiskKind, { label: string; hint: string }> = {
  roadblock: { label: "Roadblock", hint: "Something in the way of the work itself" },
  dependency: { label: "Dependency", hint: "On another team, a vendor or an internal piece" },
  external: { label: "External factor", hint: "Market, regulation, funding…" },
};

export const RISK_STATUS_INFO: Record<RiskStatus, { label: string; tone: BadgeTone }> = {
  open: { label: "Open", tone: "warning" },
  mitigating: { label: "Mitigating", tone: "info" },
  closed: { label: "Closed", tone: "neutral" },
};

export const LIKELIHOOD_LABELS = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"] as const;
export const IMPACT_LABELS = ["Minimal", "Minor", "Moderate", "Major", "Severe"] as const;

export type ScoreLevel = "high" | "medium" | "low";

/** High from 15 (it needs a contingency plan), medium from 8. */
export function scoreLevel(score: number): ScoreLevel {
  if (score >= HIGH_RISK_SCORE) return "high";
  return score >= 8 ? "medium" : "low";
}

export const LEVEL_INFO: Record<ScoreLevel, { label: string; tone: BadgeTone; cell: string }> = {
  high: { label: "High", tone: "danger", cell: "bg-[#f9dede]" },
  medium: { label: "Medium", tone: "warning", cell: "bg-[#fbefcf]" },
  low: { label: "Low", tone: "success", cell: "bg-[#e3f2e8]" },
};
