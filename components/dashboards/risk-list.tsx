import { RiskScoreBadge } from "@/components/risks/risk-score-badge";
import { Badge } from "@/components/ui/badge";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { PanelEmpty } from "./dashboard-panel";

type RiskBrief = ExecutiveDashboard["topRisks"][number];

const KIND_LABELS: Record<string, string> = {
  roadblock: "Roadblock",
  dependency: "Dependency",
  external: "External",
};

/** Risks with their score and whether a contingency plan exists (in words, not colour alone). */
export function RiskList({ risks, empty }: { risks: RiskBrief[]; empty: string }) {
  if (risks.length === 0) return <PanelEmpty>{empty}</PanelEmpty>;
  return (
    <ul className="flex flex-col divide-y divide-line">
      {risks.map((risk) => (
        <li
          key={risk.id}
          className="flex flex-wrap items-start gap-x-3 gap-y-1.5 py-2.5 first:pt-0 last:pb-0"
        >
          <RiskScoreBadge score={risk.score} />
          <div className="min-w-0 flex-1 basis-48">
            <p className="text-sm font-medium text-ink">{risk.title}</p>
            <p className="text-[13px] text-muted">
              {KIND_LABELS[risk.kind] ?? risk.kind} · {risk.status}
            </p>
          </div>
          {risk.contingency ? (
            <Badge tone="success">Contingency: yes</Badge>
          ) : (
            <Badge tone={risk.needsContingency ? "danger" : "neutral"}>
              {risk.needsContingency ? "▲ Contingency: none" : "Contingency: none"}
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
