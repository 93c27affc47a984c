"use client";

import Link from "next/link";
import { AUDIENCE_LABELS } from "@/components/dashboards/audience-labels";
import { useNumberText } from "@/components/resources/numbers";
import { useDateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { pluralize } from "@/lib/client/format";
import type { ProductDashboard as Product } from "@/lib/validation/communication";
import { DashboardPanel, PanelEmpty } from "./dashboard-panel";
import { RiskList } from "./risk-list";
import { StatTiles } from "./stat-tiles";
import { totalOf } from "./status-colours";
import { WorkstreamProgressChart } from "./workstream-progress-chart";

const STATUS_LABEL: Record<string, string> = {
  planned: "Planned",
  in_progress: "In progress",
  at_risk: "At risk",
  done: "Done",
  cut: "Cut",
};

function OpenRounds({ rounds, links }: { rounds: Product["openRounds"]; links?: { roadmapId: string } }) {
  const dt = useDateText();
  if (rounds.length === 0) return <PanelEmpty>No feedback round is open.</PanelEmpty>;
  return (
    <ul className="flex flex-col divide-y divide-line">
      {rounds.map((round) => (
        <li key={round.id} className="flex flex-col gap-1 py-2.5 first:pt-0 last:pb-0">
          {links ? (
            <Link
              href={`/roadmaps/${links.roadmapId}/feedback/${round.id}`}
              className="text-sm font-medium text-accent-700 underline decoration-accent-300 underline-offset-[3px] hover:decoration-accent-700"
            >
              {round.question}
            </Link>
          ) : (
            <p className="text-sm font-medium text-ink">{round.question}</p>
          )}
          <p className="text-[13px] text-muted">
            {AUDIENCE_LABELS[round.audience]} · closes{" "}
            <time dateTime={round.closesOn}>{dt.date(round.closesOn)}</time> ·{" "}
            {pluralize(round.respondentCount, "respondent")}
          </p>
        </li>
      ))}
    </ul>
  );
}

function UpcomingMilestones({ milestones }: { milestones: Product["upcomingMilestones"] }) {
  const dt = useDateText();
  if (milestones.length === 0) return <PanelEmpty>No milestones ahead.</PanelEmpty>;
  return (
    <ul className="flex flex-col divide-y divide-line" data-testid="upcoming-milestones">
      {milestones.map((m) => (
        <li
          key={m.id}
          className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0 last:pb-0"
        >
          <span className="text-sm font-medium text-ink">{m.title}</span>
          <span className="flex items-center gap-2 text-[13px] text-ink-soft tabular-nums">
            <time dateTime={m.date}>{dt.date(m.date)}</time>
            <Badge tone={m.status === "at_risk" ? "danger" : m.status === "done" ? "success" : "neutral"}>
              {STATUS_LABEL[m.status] ?? m.status}
            </Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** For product: how far each workstream is, what is being asked of people, and what is next. */
export function ProductDashboard({
  dashboard,
  links,
}: {
  dashboard: Product;
  links?: { roadmapId: string };
}) {
  const num = useNumberText();
  const dt = useDateText();
  const { workstreams, openRounds, risksNeedingContingency, upcomingMilestones } = dashboard;
  const items = workstreams.reduce((sum, w) => sum + totalOf(w), 0);
  const done = workstreams.reduce((sum, w) => sum + w.done, 0);
  const atRisk = workstreams.reduce((sum, w) => sum + w.atRisk, 0);
  const next = upcomingMilestones[0];
  return (
    <div className="flex flex-col gap-6">
      <StatTiles
        label="Product headlines"
        tiles={[
          {
            label: "Items done",
            value: items ? num.percent(done / items) : "—",
            detail: `${done} of ${items} items`,
          },
          {
            label: "Items at risk",
            value: atRisk,
            detail: atRisk ? "marked at risk on the timeline" : "None marked at risk",
            tone: atRisk > 0 ? "danger" : "neutral",
          },
          {
            label: "Risks without contingency",
            value: risksNeedingContingency.length,
            detail: risksNeedingContingency.length ? "score 15 or more" : "All high risks covered",
            tone: risksNeedingContingency.length ? "danger" : "success",
          },
          {
            label: "Next milestone",
            value: next ? dt.date(next.date) : "—",
            detail: next ? next.title : "None ahead",
          },
        ]}
      />
      <DashboardPanel
        id="product-progress"
        title="Progress by workstream"
        description="Items by status; the share done counts estimated hours."
      >
        <WorkstreamProgressChart workstreams={workstreams} />
      </DashboardPanel>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-3">
        <DashboardPanel id="product-rounds" title="Open feedback rounds">
          <OpenRounds rounds={openRounds} links={links} />
        </DashboardPanel>
        <DashboardPanel
          id="product-risks"
          title="Risks needing contingency"
          description="High risks with no plan B yet."
        >
          <RiskList risks={risksNeedingContingency} empty="Every high risk has a contingency plan." />
        </DashboardPanel>
        <DashboardPanel id="product-upcoming" title="Upcoming milestones">
          <UpcomingMilestones milestones={upcomingMilestones} />
        </DashboardPanel>
      </div>
    </div>
  );
}
