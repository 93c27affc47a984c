import type { ReactNode } from "react";
import type { Risk } from "@/lib/client/resources";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_KIND_INFO } from "./risk-labels";
import type { RiskNames } from "./risk-row";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm break-words whitespace-pre-line text-ink">{children}</dd>
    </div>
  );
}

/** A risk in full, for readers (editors get the form instead). */
export function RiskDetails({ risk, names }: { risk: Risk; names: RiskNames }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      <Detail label="Kind">{RISK_KIND_INFO[risk.kind].label}</Detail>
      <Detail label="Likelihood × impact">
        {risk.likelihood} ({LIKELIHOOD_LABELS[risk.likelihood - 1]?.toLowerCase()}) × {risk.impact} (
        {IMPACT_LABELS[risk.impact - 1]?.toLowerCase()}) = {risk.score}
      </Detail>
      <Detail label="Owner">{names.owner(risk.ownerId) ?? "No owner"}</Detail>
      <Detail label="Delay if it happens">
        {risk.delayDays === null ? "Not estimated" : `${risk.delayDays} working days`}
      </Detail>
      <Detail label="Linked items">
        {risk.itemIds.length === 0 ? "None" : risk.itemIds.map((id) => names.item(id)).join(", ")}
      </Detail>
      <Detail label="Contingency plan">{risk.contingency?.trim() || "None yet"}</Detail>
      {risk.description && <Detail label="Description">{risk.description}</Detail>}
    </dl>
  );
}
