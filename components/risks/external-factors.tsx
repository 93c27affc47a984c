"use client";

import { useDateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { FlagIcon } from "@/components/ui/icons";
import type { Risk } from "@/lib/client/resources";
import type { Board } from "@/lib/client/timeline";
import { NeedsContingencyFlag } from "./risk-flag";
import { RISK_STATUS_INFO } from "./risk-labels";
import { RiskScoreBadge } from "./risk-score-badge";
import { threatenedMilestones } from "./threatened-milestones";

/** External risks (market, regulation, funding…) and the milestones each one threatens. */
export function ExternalFactors({ risks, board }: { risks: Risk[]; board: Board }) {
  const dt = useDateText();
  const external = risks.filter((r) => r.kind === "external" && r.status !== "closed");
  if (external.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
        No open external factors. Market shifts, regulation, funding or vendors outside the team go in the
        register as risks of kind “External factor”; they are listed here with the milestones they threaten.
      </p>
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-line">
      {external.map((risk) => {
        const threatened = threatenedMilestones(risk.itemIds, board.items, board.dependencies);
        return (
          <li key={risk.id} className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-center gap-2">
              <RiskScoreBadge score={risk.score} />
              <h3 className="text-sm font-semibold text-ink">{risk.title}</h3>
              <Badge tone={RISK_STATUS_INFO[risk.status].tone}>{RISK_STATUS_INFO[risk.status].label}</Badge>
              {risk.needsContingency && <NeedsContingencyFlag />}
            </div>
            {threatened.length === 0 ? (
              <p className="text-[13px] text-muted">
                Threatens no milestone yet: link it to the features or milestones it would hit.
              </p>
            ) : (
              <div>
                <p className="text-[13px] text-ink-soft">Threatens:</p>
                <ul aria-label={`Milestones “${risk.title}” threatens`} className="mt-1 flex flex-col gap-1">
                  {threatened.map(({ milestone, via }) => (
                    <li key={milestone.id} className="flex flex-wrap items-center gap-x-2 text-[13px]">
                      {milestone.isKey ? (
                        <FlagIcon className="size-3.5 text-accent-800" />
                      ) : (
                        <span
                          aria-hidden="true"
                          className="mx-0.5 inline-block size-2 rotate-45 border-[1.5px] border-ink-soft"
                        />
                      )}
                      <span className="font-medium text-ink">{milestone.title}</span>
                      {milestone.isKey && <span className="sr-only">(key milestone)</span>}
                      <time dateTime={milestone.startDate} className="text-muted tabular-nums">
                        {dt.date(milestone.startDate)}
                      </time>
                      <span className="text-xs text-muted">
                        {via ? `through “${via.title}”` : "linked directly"}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
