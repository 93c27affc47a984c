import { confidenceWord, percent } from "@/components/one-pager/rows";
import { PlanItemLine } from "@/components/sharing/plan-item-line";
import type { PlanItem, PlanQuarter } from "@/components/sharing/quarter-plan";
import { CairnMark } from "@/components/brand/logo";
import { shiftText } from "@/components/dashboards/dashboard-text";
import { LocalDate } from "@/components/ui/local-date";
import { pluralize } from "@/lib/client/format";
import { horizonEnd } from "@/lib/planning/calendar";
import { TrendNote, type P80Trend } from "@/components/dashboards/trend-note";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { SlideFrame } from "./slide-frame";

/** At most this many rows on a slide: beyond that, people stop reading. */
const ROWS = 7;

export function TitleSlide({
  roadmap,
  teamName,
  finish,
  trend,
}: {
  roadmap: { title: string; startDate: string; horizonMonths: number };
  teamName: string;
  finish: ExecutiveDashboard["projectFinish"];
  trend?: P80Trend | null;
}) {
  return (
    <div className="flex h-full flex-col justify-center gap-8 px-10 sm:px-20">
      <CairnMark className="size-14" />
      <div>
        <p className="text-lg font-semibold tracking-wide text-accent-700 uppercase">{teamName}</p>
        <h2 className="mt-2 text-5xl font-semibold tracking-tight text-balance text-ink sm:text-6xl">
          {roadmap.title}
        </h2>
      </div>
      <dl className="grid max-w-3xl gap-6 text-xl sm:grid-cols-2">
        <div>
          <dt className="text-base text-muted">Horizon</dt>
          <dd className="font-medium text-ink">
            <LocalDate value={roadmap.startDate} style="month" /> –{" "}
            <LocalDate value={horizonEnd(roadmap.startDate, roadmap.horizonMonths)} style="month" />
          </dd>
        </div>
        <div>
          <dt className="text-base text-muted">Planned finish</dt>
          <dd className="font-medium text-ink">
            <LocalDate value={finish.planned} />
            {finish.p80 && (
              <span className="block text-base font-normal text-muted">
                80% confident by <LocalDate value={finish.p80} />
              </span>
            )}
            {trend && <TrendNote trend={trend} className="mt-1 text-base font-normal" />}
          </dd>
        </div>
      </dl>
    </div>
  );
}

export function QuarterSlide({ title, quarter }: { title: string; quarter: PlanQuarter<PlanItem> }) {
  const empty = quarter.lanes.length === 0;
  return (
    <SlideFrame
      eyebrow={
        empty
          ? "Quarter"
          : `${pluralize(quarter.milestones, "milestone")} · ${pluralize(quarter.features, "feature")}`
      }
      title={title}
    >
      {empty ? (
        <p className="text-2xl text-muted">Nothing is planned in this quarter.</p>
      ) : (
        <div className="grid gap-x-10 gap-y-6 md:grid-cols-2 xl:grid-cols-3">
          {quarter.lanes.map((lane) => (
            <section key={lane.id ?? "none"} aria-label={lane.name}>
              <h3 className="mb-2 border-b border-line pb-1 text-base font-semibold tracking-wide text-muted uppercase">
                {lane.name}
              </h3>
              <ul className="flex flex-col gap-3">
                {lane.items.slice(0, ROWS).map((item) => (
                  <li
                    key={item.id}
                    className={item.isKey ? "-mx-2 rounded-md bg-accent-50 px-2 py-1" : undefined}
                  >
                    <PlanItemLine item={item} size="lg" />
                  </li>
                ))}
                {lane.items.length > ROWS && (
                  <li className="text-base text-muted">+{lane.items.length - ROWS} more</li>
                )}
              </ul>
            </section>
          ))}
        </div>
      )}
    </SlideFrame>
  );
}

export function MilestonesSlide({
  title,
  milestones,
}: {
  title: string;
  milestones: ExecutiveDashboard["keyMilestones"];
}) {
  return (
    <SlideFrame eyebrow="Confidence" title={title}>
      {milestones.length === 0 ? (
        <p className="text-2xl text-muted">No milestone is marked as key yet.</p>
      ) : (
        <table className="w-full text-xl">
          <thead className="text-left text-base text-muted">
            <tr>
              <th scope="col" className="pb-2 font-medium">
                Milestone
              </th>
              <th scope="col" className="pb-2 font-medium">
                Date
              </th>
              <th scope="col" className="pb-2 font-medium">
                P80
              </th>
              <th scope="col" className="pb-2 text-right font-medium">
                On time
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line border-t border-line">
            {milestones.slice(0, ROWS).map((m) => (
              <tr key={m.id}>
                <td className="py-2.5 pr-4 font-medium text-ink">{m.title}</td>
                <td className="py-2.5 pr-4 whitespace-nowrap">
                  <LocalDate value={m.date} />
                </td>
                <td className="py-2.5 pr-4 whitespace-nowrap">{m.p80 ? <LocalDate value={m.p80} /> : "—"}</td>
                <td className="py-2.5 text-right whitespace-nowrap tabular-nums">
                  {percent(m.onTimeProbability)}{" "}
                  <span className="text-base text-muted">{confidenceWord(m.onTimeProbability)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {milestones.length > ROWS && (
        <p className="mt-3 text-base text-muted">+{milestones.length - ROWS} more key milestones</p>
      )}
    </SlideFrame>
  );
}

export function RisksSlide({ title, risks }: { title: string; risks: ExecutiveDashboard["topRisks"] }) {
  const shown = risks.slice(0, 4);
  return (
    <SlideFrame eyebrow="Watch" title={title}>
      {shown.length === 0 ? (
        <p className="text-2xl text-muted">No open risks are recorded.</p>
      ) : (
        <ol className="flex flex-col gap-5">
          {shown.map((r) => (
            <li key={r.id} className="flex items-start gap-5">
              <span className="flex size-14 shrink-0 flex-col items-center justify-center rounded-lg bg-subtle text-2xl font-semibold text-ink tabular-nums ring-1 ring-line">
                {r.score}
                <span className="sr-only"> out of 25</span>
              </span>
              <div className="min-w-0">
                <p className="text-2xl font-medium text-ink">{r.title}</p>
                <p className="text-lg text-muted">
                  {r.contingency
                    ? `Contingency: ${r.contingency}`
                    : r.needsContingency
                      ? "No contingency plan yet — one is needed"
                      : "No contingency plan"}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </SlideFrame>
  );
}

export function ChangesSlide({
  title,
  since,
}: {
  title: string;
  since: ExecutiveDashboard["sinceLastReview"];
}) {
  if (!since) {
    return (
      <SlideFrame eyebrow="Changes" title={title}>
        <p className="text-2xl text-muted">
          No executive review has been recorded yet. Record one after this meeting, and the next deck shows
          what moved since.
        </p>
      </SlideFrame>
    );
  }
  const { summary } = since;
  const figures: [string, number][] = [
    ["Added", summary.added],
    ["Removed or cut", summary.removed],
    ["Moved", summary.moved],
    ["New risks", summary.risksAdded],
  ];
  return (
    <SlideFrame eyebrow="Changes" title={title}>
      <p className="text-xl text-ink-soft">
        Since the review of <LocalDate value={since.heldOn} />, the planned finish is{" "}
        {shiftText(since.finishDays)}.
      </p>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-line px-4 py-3">
            <dt className="text-base text-muted">{label}</dt>
            <dd className="text-4xl font-semibold text-ink tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {since.moved.length > 0 && (
        <ul className="mt-6 flex flex-col gap-2 text-xl">
          {since.moved.slice(0, 4).map((m) => (
            <li key={m.id}>
              <span className="font-medium text-ink">{m.title}</span>{" "}
              <span className="text-muted">{shiftText(m.startDays)}</span>
            </li>
          ))}
        </ul>
      )}
    </SlideFrame>
  );
}
