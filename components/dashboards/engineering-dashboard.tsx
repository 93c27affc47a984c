"use client";

import { useDateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import type { EngineeringDashboard as Engineering } from "@/lib/validation/communication";
import { DashboardPanel, PanelEmpty } from "./dashboard-panel";
import { DataTable } from "./data-table";
import { SkillDemandChart } from "./skill-demand-chart";
import { StatTiles } from "./stat-tiles";

function CriticalPath({ path }: { path: Engineering["criticalPath"] }) {
  const dt = useDateText();
  if (path.length === 0) return <PanelEmpty>No items on the roadmap yet, so no critical path.</PanelEmpty>;
  return (
    <ol className="flex flex-col" data-testid="critical-path">
      {path.map((step, i) => (
        <li key={step.id} className="flex gap-3">
          <div className="flex flex-col items-center" aria-hidden="true">
            <span className="flex size-6 items-center justify-center rounded-full bg-accent-50 text-xs font-semibold text-accent-800 ring-1 ring-accent-200">
              {i + 1}
            </span>
            {i < path.length - 1 && <span className="w-px flex-1 bg-line-strong" />}
          </div>
          <div className="min-w-0 flex-1 pb-3.5">
            <p className="text-sm font-medium text-ink">{step.title}</p>
            <p className="text-[13px] text-muted tabular-nums">
              {step.kind === "milestone" ? "Milestone" : "Feature"} ·{" "}
              {dt.range(step.earlyStart, step.earlyFinish)}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function Verdicts({ verdicts }: { verdicts: Engineering["verdicts"] }) {
  const counts = [
    { label: "Feasible", value: verdicts.feasible, tone: "success" as const },
    { label: "Concerns", value: verdicts.concerns, tone: "warning" as const },
    { label: "Not feasible", value: verdicts.notFeasible, tone: "danger" as const },
  ];
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-3 gap-2">
        {counts.map((c) => (
          <div key={c.label} className="rounded-lg border border-line px-3 py-2">
            <dt className="text-xs text-muted">{c.label}</dt>
            <dd className="text-xl font-semibold text-ink tabular-nums">{c.value}</dd>
          </div>
        ))}
      </dl>
      {verdicts.flagged.length === 0 ? (
        <PanelEmpty>No item has a concern or a not-feasible verdict.</PanelEmpty>
      ) : (
        <div>
          <h4 className="mb-1.5 text-[13px] font-semibold text-ink">Flagged items, worst first</h4>
          <ul className="flex flex-col divide-y divide-line" data-testid="flagged-items">
            {verdicts.flagged.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="text-sm font-medium text-ink">{item.title}</span>
                <span className="flex flex-wrap gap-1.5">
                  {item.notFeasible > 0 && <Badge tone="danger">{item.notFeasible} not feasible</Badge>}
                  {item.concerns > 0 && <Badge tone="warning">{item.concerns} concerns</Badge>}
                  {item.feasible > 0 && <Badge tone="success">{item.feasible} feasible</Badge>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function HotSpots({ spots }: { spots: Engineering["hotSpots"] }) {
  if (spots.length === 0)
    return <PanelEmpty>No dependencies yet: nothing waits on anything else.</PanelEmpty>;
  return (
    <DataTable
      caption="Items most work waits on: successors direct and indirect, and slack"
      hideCaption
      testId="hot-spots"
      rows={spots}
      rowKey={(s) => s.id}
      columns={[
        {
          header: "Item",
          rowHeader: true,
          className: "min-w-40",
          cell: (s) => (
            <span className="inline-flex flex-wrap items-center gap-1.5">
              {s.title}
              {s.critical && <Badge tone="danger">Critical</Badge>}
            </span>
          ),
        },
        { header: "Waits on", numeric: true, cell: (s) => s.predecessors },
        { header: "Direct successors", numeric: true, cell: (s) => s.successors },
        { header: "All downstream", numeric: true, cell: (s) => s.downstream },
        { header: "Slack (working days)", numeric: true, cell: (s) => s.slackDays },
      ]}
    />
  );
}

/** For engineering: the critical path, what engineers doubt, where skills run short and what blocks most work. */
export function EngineeringDashboard({ dashboard }: { dashboard: Engineering }) {
  const dt = useDateText();
  const { criticalPath, verdicts, skillDemand } = dashboard;
  const skillsShort = skillDemand.filter((s) =>
    s.quarters.some((q) => q.demandHours > q.capacityHours),
  ).length;
  return (
    <div className="flex flex-col gap-6">
      <StatTiles
        label="Engineering headlines"
        tiles={[
          {
            label: "Project finish",
            value: dt.date(dashboard.projectFinish),
            detail: "Earliest, by the dependencies",
          },
          {
            label: "On the critical path",
            value: criticalPath.length,
            detail: criticalPath.length === 1 ? "item with no slack" : "items with no slack",
          },
          {
            label: "Not feasible verdicts",
            value: verdicts.notFeasible,
            detail: `${verdicts.concerns} with concerns`,
            tone: verdicts.notFeasible > 0 ? "danger" : "neutral",
          },
          {
            label: "Skills short",
            value: skillsShort,
            detail: `of ${skillDemand.length} ${skillDemand.length === 1 ? "skill" : "skills"} asked for`,
            tone: skillsShort > 0 ? "danger" : "neutral",
          },
        ]}
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-2">
        <DashboardPanel
          id="eng-critical"
          title="Critical path"
          description="In order: any delay here delays the finish."
        >
          <CriticalPath path={criticalPath} />
        </DashboardPanel>
        <DashboardPanel
          id="eng-verdicts"
          title="Feasibility verdicts"
          description="Engineers' verdicts in comments on items."
        >
          <Verdicts verdicts={verdicts} />
        </DashboardPanel>
      </div>
      <DashboardPanel
        id="eng-skills"
        title="Skill demand and capacity"
        description="Hours asked of a skill per quarter against the people planned."
      >
        <SkillDemandChart skills={skillDemand} />
      </DashboardPanel>
      <DashboardPanel
        id="eng-hot-spots"
        title="Dependency hot spots"
        description="Items the most work waits on."
      >
        <HotSpots spots={dashboard.hotSpots} />
      </DashboardPanel>
    </div>
  );
}
