"use client";

import { onTimeLevel } from "@/components/forecast/milestone-table";
import { quarterLabel, useNumberText } from "@/components/resources/numbers";
import { useDateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/client/format";
import type { ExecutiveDashboard as Executive } from "@/lib/validation/communication";
import { ConfidenceChart } from "./confidence-chart";
import { DashboardPanel, PanelEmpty } from "./dashboard-panel";
import { daysBetween, shiftText } from "./dashboard-text";
import { DataTable } from "./data-table";
import { MilestonesByQuarterChart } from "./milestones-by-quarter-chart";
import { RiskList } from "./risk-list";
import { StatTiles } from "./stat-tiles";

type Links = { roadmapId: string } | undefined;

const againstPlan = (days: number) =>
  days === 0 ? "the same as planned" : `${shiftText(days)} than planned`;

function ProjectFinishFigures({ finish }: { finish: Executive["projectFinish"] }) {
  const dt = useDateText();
  const rows = [
    { label: "Planned", words: "by the plan's dates", date: finish.planned },
    { label: "P50", words: "half the runs finish by", date: finish.p50 },
    { label: "P80", words: "80% of runs finish by", date: finish.p80 },
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {rows.map((row) => (
        <div key={row.label} className="rounded-lg border border-line px-4 py-3">
          <dt className="text-xs text-muted">
            <span className="font-semibold text-ink-soft">{row.label}</span> · {row.words}
          </dt>
          <dd className="mt-1 text-base font-semibold whitespace-nowrap text-ink tabular-nums">
            {row.date ? <time dateTime={row.date}>{dt.date(row.date)}</time> : "—"}
          </dd>
          {row.date && row.label !== "Planned" && (
            <dd className="text-[13px] text-ink-soft">
              {againstPlan(daysBetween(finish.planned, row.date))}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

function KeyMilestones({ milestones }: { milestones: Executive["keyMilestones"] }) {
  const dt = useDateText();
  const num = useNumberText();
  if (milestones.length === 0)
    return (
      <PanelEmpty>No key milestones: mark the milestones that matter most as key on the timeline.</PanelEmpty>
    );
  return (
    <DataTable
      caption="Key milestones: target date, the date 80% of simulated runs reach it by, and the chance of making the target"
      hideCaption
      testId="key-milestones"
      rows={milestones}
      rowKey={(m) => m.id}
      columns={[
        { header: "Milestone", rowHeader: true, cell: (m) => m.title, className: "min-w-40" },
        { header: "Date", numeric: true, cell: (m) => dt.date(m.date) },
        {
          header: "P80",
          numeric: true,
          cell: (m) =>
            m.p80 ? (
              <span className={m.p80 > m.date ? "font-medium text-danger-700" : undefined}>
                {m.p80 > m.date && <span aria-hidden="true">▲ </span>}
                {dt.date(m.p80)}
                {m.p80 > m.date && <span className="sr-only"> (after the target)</span>}
              </span>
            ) : (
              "—"
            ),
        },
        {
          header: "On time",
          numeric: true,
          cell: (m) => {
            if (m.onTimeProbability === null) return "—";
            const level = onTimeLevel(m.onTimeProbability);
            return (
              <span className="inline-flex items-center justify-end gap-2">
                <span className="font-semibold text-ink">{num.percent(m.onTimeProbability)}</span>
                <Badge tone={level.tone}>{level.label}</Badge>
              </span>
            );
          },
        },
      ]}
    />
  );
}

function StaffingGaps({ gaps, links }: { gaps: Executive["staffingGaps"]; links: Links }) {
  const num = useNumberText();
  if (gaps.length === 0) return <PanelEmpty>No skill is short of people in any quarter.</PanelEmpty>;
  return (
    <div className="flex flex-col gap-3">
      <DataTable
        caption="Skills short of people: the worst quarter, hours short over the horizon and people to add"
        hideCaption
        testId="staffing-gaps"
        rows={gaps}
        rowKey={(g) => g.skillId}
        columns={[
          { header: "Skill", rowHeader: true, cell: (g) => g.skill },
          { header: "Worst quarter", cell: (g) => quarterLabel(g.worstQuarter) },
          { header: "Hours short", numeric: true, cell: (g) => num.hours(g.gapHours) },
          { header: "People to add", numeric: true, cell: (g) => num.decimal(g.addHeadcount) },
        ]}
      />
      {links && (
        <p className="text-sm">
          <TextLink href={`/roadmaps/${links.roadmapId}/capacity`}>
            Plan staffing on the capacity page
          </TextLink>
        </p>
      )}
    </div>
  );
}

function SinceLastReview({ since }: { since: Executive["sinceLastReview"] }) {
  const dt = useDateText();
  if (!since)
    return (
      <PanelEmpty>
        No executive review yet. Once one is recorded, what moved since then shows here.
      </PanelEmpty>
    );
  const { summary } = since;
  const counts = [
    ["Added", summary.added],
    ["Removed or cut", summary.removed],
    ["Moved", summary.moved],
    ["Changed", summary.changed],
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-soft">
        Since the review on <time dateTime={since.heldOn}>{dt.date(since.heldOn)}</time>, the planned finish
        is <span className="font-semibold text-ink">{shiftText(since.finishDays)}</span>.
      </p>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {counts.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-line px-3 py-2">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="text-lg font-semibold text-ink tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {since.moved.length > 0 && (
        <div>
          <h4 className="mb-1.5 text-[13px] font-semibold text-ink">Largest moves</h4>
          <ul className="flex flex-col gap-1 text-sm">
            {since.moved.map((m) => (
              <li key={m.id} className="flex flex-wrap justify-between gap-x-3">
                <span className="text-ink">{m.title}</span>
                <span className="text-ink-soft tabular-nums">
                  {dt.date(m.fromStart)} → {dt.date(m.toStart)} ({shiftText(m.startDays)})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** For leadership: are the key dates safe, what threatens them, and what changed since they last looked. */
export function ExecutiveDashboard({
  dashboard,
  links,
}: {
  dashboard: Executive;
  links?: { roadmapId: string };
}) {
  const dt = useDateText();
  const num = useNumberText();
  const { projectFinish, keyMilestones, topRisks, staffingGaps } = dashboard;
  const forecastable = keyMilestones.filter((m) => m.onTimeProbability !== null);
  const likely = forecastable.filter((m) => onTimeLevel(m.onTimeProbability!).label === "Likely").length;
  const uncovered = topRisks.filter((r) => r.needsContingency).length;
  const hoursShort = staffingGaps.reduce((sum, g) => sum + g.gapHours, 0);
  const p80Late = projectFinish.p80 !== null && projectFinish.p80 > projectFinish.planned;

  return (
    <div className="flex flex-col gap-6">
      <StatTiles
        label="Executive headlines"
        tiles={[
          {
            label: "Planned finish",
            value: dt.date(projectFinish.planned),
            detail: projectFinish.p80
              ? `P80 ${dt.date(projectFinish.p80)}${p80Late ? ` · ▲ ${shiftText(daysBetween(projectFinish.planned, projectFinish.p80))}` : ""}`
              : "No forecast yet",
          },
          {
            label: "Key milestones likely on time",
            value: forecastable.length ? `${likely} of ${forecastable.length}` : "—",
            detail: forecastable.length
              ? `${forecastable.length - likely} at risk or unlikely`
              : keyMilestones.length
                ? "No forecast yet"
                : "No key milestones",
            tone: forecastable.length && likely < forecastable.length ? "danger" : "neutral",
          },
          {
            label: "High risks without contingency",
            value: uncovered,
            detail: topRisks.length ? `of ${pluralize(topRisks.length, "top risk")}` : "No open risks",
            tone: uncovered > 0 ? "danger" : "success",
          },
          {
            label: "Staffing short",
            value: hoursShort > 0 ? num.hours(hoursShort) : "None",
            detail: staffingGaps.length
              ? `in ${staffingGaps.length} ${staffingGaps.length === 1 ? "skill" : "skills"}`
              : "Every skill covered",
            tone: hoursShort > 0 ? "danger" : "success",
          },
        ]}
      />
      <DashboardPanel
        id="exec-key-milestones"
        title="Key milestones"
        description="Target dates against the forecast."
      >
        <KeyMilestones milestones={keyMilestones} />
      </DashboardPanel>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-2">
        <DashboardPanel
          id="exec-quarters"
          title="Milestones by quarter"
          description="How many are due each quarter, by status."
        >
          <MilestonesByQuarterChart rows={dashboard.milestonesByQuarter} />
        </DashboardPanel>
        <DashboardPanel
          id="exec-finish"
          title="Project finish"
          description="The plan's finish against the simulated forecast."
        >
          <ProjectFinishFigures finish={projectFinish} />
        </DashboardPanel>
      </div>
      {links && (
        <DashboardPanel
          id="exec-confidence"
          title="Confidence over time"
          description="Days each key milestone’s and the project finish’s P80 has moved since the first recorded forecast (PERT): climbing means slipping."
        >
          <ConfidenceChart roadmapId={links.roadmapId} />
        </DashboardPanel>
      )}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-2">
        <DashboardPanel id="exec-risks" title="Top risks" description="Highest score first.">
          <RiskList risks={topRisks} empty="No open risks are recorded." />
          {links && topRisks.length > 0 && (
            <p className="mt-3 text-sm">
              <TextLink href={`/roadmaps/${links.roadmapId}/risks`}>Open the risk register</TextLink>
            </p>
          )}
        </DashboardPanel>
        <DashboardPanel
          id="exec-staffing"
          title="Staffing gaps"
          description="Where demand for a skill is above the people planned."
        >
          <StaffingGaps gaps={staffingGaps} links={links} />
        </DashboardPanel>
      </div>
      <DashboardPanel id="exec-since" title="Since the last executive review">
        <SinceLastReview since={dashboard.sinceLastReview} />
      </DashboardPanel>
    </div>
  );
}
