"use client";

import { shiftText } from "@/components/dashboards/dashboard-text";
import { LocalDate } from "@/components/ui/local-date";
import { quarterName } from "@/components/sharing/quarter-plan";
import { pluralize } from "@/lib/client/format";
import { horizonEnd, quarterOf, quartersBetween } from "@/lib/planning/calendar";
import { TrendNote, type P80Trend } from "@/components/dashboards/trend-note";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { BriefSection, BriefTable, cell, numberCell } from "./one-pager-parts";
import { confidenceWord, firstRows, percent } from "./rows";

/** Row limits that keep the demo-sized brief (7 milestones, 4 risks) on one A4 page with room to spare. */
const LIMITS = { milestones: 8, perQuarter: 3, risks: 3, gaps: 4, moves: 4 };

/** The executive brief on one printable sheet: the plan's state at a glance, for people who read one page. */
export function OnePagerSheet({
  dashboard,
  finishTrend,
}: {
  dashboard: ExecutiveDashboard;
  /** The project finish's P80 since the last review, when forecasts were recorded. */
  finishTrend?: P80Trend | null;
}) {
  const { roadmap, keyMilestones, projectFinish } = dashboard;
  const end = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
  return (
    <article
      aria-labelledby="brief-title"
      className="mx-auto flex w-full max-w-[210mm] flex-col gap-4 rounded-lg border border-line bg-surface px-8 py-7 text-ink shadow-card print:max-w-none print:gap-3 print:rounded-none print:border-0 print:p-0 print:shadow-none"
    >
      <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-1 border-b-2 border-accent-700 pb-3">
        <div className="min-w-0">
          <p className="text-[11px] font-semibold tracking-wide text-accent-800 uppercase">Executive brief</p>
          <h1 id="brief-title" className="text-2xl font-semibold tracking-tight print:text-xl">
            {roadmap.title}
          </h1>
          <p className="text-[13px] text-muted print:text-[11px]">
            <LocalDate value={roadmap.startDate} style="month" /> – <LocalDate value={end} style="month" /> (
            {roadmap.horizonMonths} months)
          </p>
        </div>
        <p className="text-right text-[12px] text-muted print:text-[10px]">
          Generated <LocalDate value={dashboard.generatedAt} style="dateTime" />
        </p>
      </header>

      <StatusLine dashboard={dashboard} finishTrend={finishTrend} />

      <BriefSection title="Key milestones" id="brief-milestones">
        {keyMilestones.length === 0 ? (
          <p className="text-[12px] text-muted">No milestone is marked as key yet.</p>
        ) : (
          <KeyMilestones milestones={keyMilestones} />
        )}
      </BriefSection>

      <BriefSection title="Quarter by quarter" id="brief-quarters">
        <QuarterStrip roadmap={{ startDate: roadmap.startDate, end }} milestones={keyMilestones} />
      </BriefSection>

      <div className="grid gap-4 sm:grid-cols-2 print:grid-cols-2 print:gap-5">
        <BriefSection title="Top risks" id="brief-risks">
          <TopRisks risks={dashboard.topRisks} />
        </BriefSection>
        <BriefSection title="Staffing gaps" id="brief-staffing">
          <StaffingGaps gaps={dashboard.staffingGaps} />
        </BriefSection>
      </div>

      <BriefSection title="Since the last executive review" id="brief-changes">
        <SinceLastReview since={dashboard.sinceLastReview} />
      </BriefSection>

      <footer className="mt-auto border-t border-line pt-2 text-[11px] text-muted print:text-[9px]">
        P80: the date the forecast is 80% confident of. Finish planned{" "}
        <LocalDate value={projectFinish.planned} />
        {projectFinish.p80 && (
          <>
            , P80 <LocalDate value={projectFinish.p80} />
          </>
        )}
        . Prepared with Cairn from the live plan.
      </footer>
    </article>
  );
}

function StatusLine({
  dashboard,
  finishTrend,
}: {
  dashboard: ExecutiveDashboard;
  finishTrend?: P80Trend | null;
}) {
  const { keyMilestones, projectFinish, topRisks } = dashboard;
  const forecast = keyMilestones.filter((m) => m.onTimeProbability !== null);
  const likely = forecast.filter((m) => confidenceWord(m.onTimeProbability) === "Likely").length;
  const atRisk = keyMilestones.filter((m) => m.status === "at_risk").length;
  const uncovered = topRisks.filter((r) => r.needsContingency).length;
  const facts = [
    <>
      Planned finish{" "}
      <strong className="font-semibold">
        <LocalDate value={projectFinish.planned} />
      </strong>
      {projectFinish.p80 && (
        <>
          {" "}
          (80% confident by{" "}
          <strong className="font-semibold">
            <LocalDate value={projectFinish.p80} />
          </strong>
          )
        </>
      )}
    </>,
    forecast.length > 0 ? (
      <>
        {likely} of {pluralize(forecast.length, "key milestone")} likely on time
      </>
    ) : null,
    atRisk > 0 ? <>{pluralize(atRisk, "key milestone")} marked at risk</> : null,
    uncovered > 0 ? <>{pluralize(uncovered, "high risk")} without a contingency plan</> : null,
    finishTrend ? <TrendNote trend={finishTrend} /> : null,
  ].filter(Boolean);
  return (
    <p className="rounded-md bg-accent-50 px-3 py-2 text-[13px] leading-5 text-accent-900 print:text-[11px]">
      {facts.map((fact, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          {fact}
        </span>
      ))}
    </p>
  );
}

function KeyMilestones({ milestones }: { milestones: ExecutiveDashboard["keyMilestones"] }) {
  const { shown, more } = firstRows(milestones, LIMITS.milestones);
  return (
    <BriefTable
      caption="Key milestones with their date, 80% confidence date and on-time chance"
      head={[
        { label: "Milestone" },
        { label: "Date", align: "right" },
        { label: "P80", align: "right" },
        { label: "On time", align: "right" },
      ]}
      more={more}
      moreLabel="key milestones"
    >
      {shown.map((m) => (
        <tr key={m.id}>
          <td className={cell}>{m.title}</td>
          <td className={numberCell}>
            <LocalDate value={m.date} />
          </td>
          <td className={numberCell}>{m.p80 ? <LocalDate value={m.p80} /> : "—"}</td>
          <td className={numberCell}>
            {percent(m.onTimeProbability)}{" "}
            <span className="text-muted">{confidenceWord(m.onTimeProbability)}</span>
          </td>
        </tr>
      ))}
    </BriefTable>
  );
}

function QuarterStrip({
  roadmap,
  milestones,
}: {
  roadmap: { startDate: string; end: string };
  milestones: ExecutiveDashboard["keyMilestones"];
}) {
  const quarters = quartersBetween(roadmap.startDate, roadmap.end);
  return (
    <ol
      className="grid gap-px overflow-hidden rounded-md border border-line bg-line"
      style={{ gridTemplateColumns: `repeat(${Math.min(quarters.length, 6)}, minmax(0, 1fr))` }}
    >
      {quarters.map((q) => {
        const { shown, more } = firstRows(
          milestones.filter((m) => quarterOf(m.date) === q),
          LIMITS.perQuarter,
        );
        return (
          <li key={q} className="bg-surface px-2 py-1.5">
            <p className="text-[11px] font-semibold text-ink-soft print:text-[9.5px]">{quarterName(q)}</p>
            {shown.length === 0 ? (
              <p className="text-[11px] text-muted print:text-[9.5px]">—</p>
            ) : (
              <ul className="mt-0.5 flex flex-col gap-0.5 text-[11px] leading-tight print:text-[9.5px]">
                {shown.map((m) => (
                  <li key={m.id} className="flex gap-1">
                    <span aria-hidden="true" className="text-accent-700">
                      ◆
                    </span>
                    <span className="min-w-0">{m.title}</span>
                  </li>
                ))}
                {more > 0 && <li className="text-muted">+{more} more</li>}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function TopRisks({ risks }: { risks: ExecutiveDashboard["topRisks"] }) {
  if (risks.length === 0) return <p className="text-[12px] text-muted">No open risks recorded.</p>;
  const { shown, more } = firstRows(risks, LIMITS.risks);
  return (
    <BriefTable
      caption="The highest-scoring open risks"
      head={[{ label: "Risk" }, { label: "Score", align: "right" }, { label: "Contingency" }]}
      more={more}
      moreLabel="open risks"
    >
      {shown.map((r) => (
        <tr key={r.id}>
          <td className={cell}>{r.title}</td>
          <td className={numberCell}>{r.score}</td>
          <td className={cell}>
            {r.contingency ? "Planned" : r.needsContingency ? "Needed, none yet" : "None"}
          </td>
        </tr>
      ))}
    </BriefTable>
  );
}

function StaffingGaps({ gaps }: { gaps: ExecutiveDashboard["staffingGaps"] }) {
  if (gaps.length === 0) return <p className="text-[12px] text-muted">Capacity covers the planned work.</p>;
  const { shown, more } = firstRows(gaps, LIMITS.gaps);
  return (
    <BriefTable
      caption="Skills short of capacity: worst quarter, hours short over the horizon and people to add"
      head={[
        { label: "Skill" },
        { label: "Worst" },
        { label: "Hours short", align: "right" },
        { label: "Add", align: "right" },
      ]}
      more={more}
      moreLabel="skills short"
    >
      {shown.map((g) => (
        <tr key={g.skillId}>
          <td className={cell}>{g.skill}</td>
          <td className={cell}>{quarterName(g.worstQuarter)}</td>
          <td className={numberCell}>{Math.round(g.gapHours).toLocaleString()}</td>
          <td className={numberCell}>{g.addHeadcount}</td>
        </tr>
      ))}
    </BriefTable>
  );
}

function SinceLastReview({ since }: { since: ExecutiveDashboard["sinceLastReview"] }) {
  if (!since) {
    return (
      <p className="text-[12px] text-muted">
        No executive review held yet: once one is recorded, this shows what moved since.
      </p>
    );
  }
  const { summary } = since;
  const finish = `finish ${shiftText(since.finishDays)}`;
  const { shown, more } = firstRows(since.moved, LIMITS.moves);
  return (
    <div className="flex flex-col gap-1.5 text-[12px] leading-[1.35] print:text-[10.5px]">
      <p>
        Since the review of <LocalDate value={since.heldOn} />: {summary.added} added, {summary.removed}{" "}
        removed or cut, {summary.moved} moved, {summary.changed} changed, {summary.risksAdded} new risks;{" "}
        {finish}.
      </p>
      {shown.length > 0 && (
        <ul className="flex flex-col gap-0.5">
          {shown.map((m) => (
            <li key={m.id}>
              <span className="font-medium">{m.title}</span>{" "}
              <span className="text-muted">
                {shiftText(m.startDays)} (
                <LocalDate value={m.fromStart} /> → <LocalDate value={m.toStart} />)
              </span>
            </li>
          ))}
          {more > 0 && <li className="text-muted">+{more} more moves</li>}
        </ul>
      )}
    </div>
  );
}
