"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { ChevronDownIcon } from "@/components/ui/icons";
import type { Risk } from "@/lib/client/resources";
import { NeedsContingencyFlag } from "./risk-flag";
import { RISK_KIND_INFO, RISK_STATUS_INFO } from "./risk-labels";
import { RiskScoreBadge } from "./risk-score-badge";

export const REGISTER_COLUMNS = 8;

export interface RiskNames {
  owner: (userId: string | null) => string | null;
  item: (itemId: string) => string;
}

function linkedText(risk: Risk, names: RiskNames): string {
  if (risk.itemIds.length === 0) return "None";
  const first = names.item(risk.itemIds[0]);
  return risk.itemIds.length === 1 ? first : `${first} +${risk.itemIds.length - 1}`;
}

/**
 * One risk of the register: score, title (with the flag when it needs a contingency plan), kind,
 * status, owner, linked items, delay; the last cell opens it in place (`expansion`, a row below).
 */
export function RiskRow({
  risk,
  names,
  expanded,
  canEdit,
  onToggle,
  expansion,
}: {
  risk: Risk;
  names: RiskNames;
  expanded: boolean;
  canEdit: boolean;
  onToggle: () => void;
  expansion: ReactNode;
}) {
  const owner = names.owner(risk.ownerId);
  const panelId = `risk-panel-${risk.id}`;
  const status = RISK_STATUS_INFO[risk.status];
  return (
    <>
      <tr
        data-risk-id={risk.id}
        className={cx(
          "border-t border-line align-top",
          expanded && "bg-accent-50/40",
          risk.status === "closed" && "text-muted",
        )}
      >
        <td className="py-3 pr-2 pl-4">
          <RiskScoreBadge score={risk.score} />
        </td>
        <th scope="row" className="max-w-md min-w-48 px-2 py-3 text-left font-normal">
          <span
            className={cx(
              "block font-medium text-ink",
              risk.status === "closed" && "line-through decoration-muted",
            )}
          >
            {risk.title}
          </span>
          <span className="mt-0.5 block text-xs text-muted md:hidden">
            {RISK_KIND_INFO[risk.kind].label} · {status.label}
            {owner ? ` · ${owner}` : ""}
          </span>
          {risk.needsContingency && <NeedsContingencyFlag className="mt-1" />}
        </th>
        <td className="hidden px-2 py-3 text-[13px] whitespace-nowrap text-ink-soft md:table-cell">
          {RISK_KIND_INFO[risk.kind].label}
        </td>
        <td className="hidden px-2 py-3 md:table-cell">
          <Badge tone={status.tone}>{status.label}</Badge>
        </td>
        <td className="hidden px-2 py-3 text-[13px] text-ink-soft lg:table-cell">{owner ?? "—"}</td>
        <td className="hidden max-w-56 px-2 py-3 text-[13px] text-ink-soft lg:table-cell">
          <span className="line-clamp-2">{linkedText(risk, names)}</span>
        </td>
        <td className="hidden px-2 py-3 text-right text-[13px] whitespace-nowrap text-ink-soft tabular-nums lg:table-cell">
          {risk.delayDays === null ? "—" : `${risk.delayDays} d`}
        </td>
        <td className="py-2 pr-4 pl-2 text-right">
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={expanded ? panelId : undefined}
            onClick={onToggle}
            className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-[13px] font-medium whitespace-nowrap text-accent-700 hover:bg-accent-50"
          >
            {canEdit ? "Edit" : "Details"}
            <span className="sr-only"> “{risk.title}”</span>
            <ChevronDownIcon className={cx("size-4 transition-transform", expanded && "rotate-180")} />
          </button>
        </td>
      </tr>
      {expanded && (
        <tr className="bg-accent-50/40">
          <td
            colSpan={REGISTER_COLUMNS}
            id={panelId}
            className="border-t border-dashed border-line px-4 pt-3 pb-5"
          >
            {expansion}
          </td>
        </tr>
      )}
    </>
  );
}
