"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useMembers } from "@/lib/client/members";
import { HIGH_RISK_SCORE, useRisks, type Risk } from "@/lib/client/resources";
import { useBoard } from "@/lib/client/timeline";
import { ExternalFactors } from "./external-factors";
import { RiskGlyph } from "./risk-flag";
import { DEFAULT_FILTERS, isActive, type RiskFilters } from "./risk-filters";
import { RiskHeatMap } from "./risk-heat-map";
import { RiskRegister } from "./risk-register";
import type { RiskNames } from "./risk-row";

function RiskFigures({ risks, onShowUncovered }: { risks: Risk[]; onShowUncovered: () => void }) {
  const active = risks.filter(isActive);
  const high = active.filter((r) => r.score >= HIGH_RISK_SCORE);
  const uncovered = active.filter((r) => r.needsContingency);
  const delay = active.reduce((max, r) => Math.max(max, r.delayDays ?? 0), 0);
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3">
        {[
          ["Open or mitigating", active.length],
          ["High (15 or more)", high.length],
          ["Without contingency", uncovered.length],
          ["Largest delay", delay ? `${delay} working days` : "—"],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-line px-3 py-2.5">
            <dt className="text-xs font-medium text-muted">{label}</dt>
            <dd className="mt-0.5 text-lg font-semibold text-ink tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {uncovered.length > 0 ? (
        <div className="rounded-lg border border-danger-200 bg-danger-50 px-3.5 py-3 text-sm text-danger-700">
          <p className="flex items-start gap-2 font-semibold">
            <RiskGlyph className="mt-0.5 size-4 shrink-0" />
            {uncovered.length === 1
              ? "1 high risk has no contingency plan"
              : `${uncovered.length} high risks have no contingency plan`}
          </p>
          <ul className="mt-1.5 ml-6 list-disc text-[13px]">
            {uncovered.slice(0, 4).map((r) => (
              <li key={r.id}>{r.title}</li>
            ))}
          </ul>
          <Button size="sm" variant="secondary" className="mt-2.5" onClick={onShowUncovered}>
            Show them in the register
          </Button>
        </div>
      ) : (
        active.length > 0 && (
          <p className="text-sm text-success-800">Every high risk has a contingency plan.</p>
        )
      )}
    </div>
  );
}

/** The risks page below its header: heat map and figures, the register, external factors. */
export function RisksView({
  roadmapId,
  teamId,
  canEdit,
}: {
  roadmapId: string;
  teamId: string;
  canEdit: boolean;
}) {
  const board = useBoard(roadmapId);
  const members = useMembers(teamId);
  const risks = useRisks(roadmapId);
  const [filters, setFilters] = useState<RiskFilters>(DEFAULT_FILTERS);

  const names: RiskNames = useMemo(() => {
    const owners = new Map((members.data ?? []).map((m) => [m.user.id, m.user.name]));
    const items = new Map((board.data?.items ?? []).map((i) => [i.id, i.title]));
    return {
      owner: (id) => (id ? (owners.get(id) ?? "A former member") : null),
      item: (id) => items.get(id) ?? "An item no longer on the roadmap",
    };
  }, [members.data, board.data?.items]);

  if (!risks.data || !board.data) {
    const error = risks.error ?? board.error;
    return error ? (
      <LoadError
        title="The risk register could not be loaded"
        error={error}
        onRetry={() => (risks.error ? risks.refetch() : board.refetch())}
      />
    ) : (
      <LoadingStatus label="Loading the risks…" className="flex flex-col gap-4">
        <Skeleton className="h-64 w-full" />
        <Skeleton className="h-80 w-full" />
      </LoadingStatus>
    );
  }

  function showUncovered() {
    setFilters({ ...DEFAULT_FILTERS, needsContingency: true });
    document.getElementById("register-title")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[auto_minmax(0,1fr)]">
        <Card aria-labelledby="heat-title">
          <CardHeader titleId="heat-title" title="Heat map" />
          <CardBody>
            <RiskHeatMap
              risks={risks.data.filter(isActive)}
              selected={filters.cell}
              onSelect={(cell) =>
                setFilters((old) => ({
                  ...old,
                  cell,
                  status: old.status === "closed" ? "active" : old.status,
                }))
              }
            />
          </CardBody>
        </Card>
        <Card aria-labelledby="figures-title">
          <CardHeader titleId="figures-title" title="At a glance" />
          <CardBody>
            <RiskFigures risks={risks.data} onShowUncovered={showUncovered} />
          </CardBody>
        </Card>
      </div>
      <RiskRegister
        roadmapId={roadmapId}
        risks={risks.data}
        items={board.data.items}
        members={members.data ?? []}
        names={names}
        canEdit={canEdit}
        filters={filters}
        onFilters={setFilters}
      />
      <Card aria-labelledby="external-title">
        <CardHeader
          titleId="external-title"
          title="External factors"
          description="Risks from outside the team, and the milestones each threatens: those linked to it, and those that wait on its linked items."
        />
        <CardBody>
          <ExternalFactors risks={risks.data} board={board.data} />
        </CardBody>
      </Card>
    </div>
  );
}
