"use client";

import { dayShift } from "@/components/reviews/review-text";
import type { DateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { ArrowRightIcon, FlagIcon } from "@/components/ui/icons";
import type { ScenarioComparison } from "@/lib/client/scenarios";
import { daysBetween, gapChange, hours } from "./scenario-text";

function Shift({ days }: { days: number | null }) {
  if (days === null) return null;
  return (
    <span
      className={cx(
        "font-medium whitespace-nowrap tabular-nums",
        days > 0 ? "text-warning-800" : days < 0 ? "text-success-800" : "text-muted",
      )}
    >
      {dayShift(days)}
    </span>
  );
}

/** "3 Mar 2027 → 24 Mar 2027 (+21 days)", or one date when unchanged. */
function BeforeAfter({ before, after, dt }: { before: string | null; after: string | null; dt: DateText }) {
  if (!before && !after) return <span className="text-muted">—</span>;
  const days = daysBetween(before, after);
  return (
    <span className="flex flex-wrap items-baseline gap-x-1.5">
      <span className={cx(days !== 0 && "text-muted")}>
        {before ? dt.date(before) : "not in the live plan"}
      </span>
      {days !== 0 && (
        <>
          <ArrowRightIcon className="size-3.5 self-center text-muted" aria-label="in the scenario" />
          <span className="font-medium text-ink">{after ? dt.date(after) : "removed"}</span>
        </>
      )}
      {days !== null && (
        <span>
          (<Shift days={days} />)
        </span>
      )}
    </span>
  );
}

function FinishFigure({
  label,
  hint,
  before,
  after,
  dt,
  figure,
}: {
  label: string;
  hint: string;
  before: string | null;
  after: string | null;
  dt: DateText;
  figure: string;
}) {
  const days = daysBetween(before, after);
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-line p-4" data-figure={figure}>
      <h3 className="text-[13px] font-medium text-muted">{label}</h3>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-baseline gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-muted">Live</dt>
        <dd className="text-ink">{before ? dt.date(before) : "—"}</dd>
        <dt className="text-muted">Scenario</dt>
        <dd className="font-semibold text-ink">{after ? dt.date(after) : "—"}</dd>
      </dl>
      <p className="text-sm">
        <Shift days={days} />
      </p>
      <p className="text-xs text-muted">{hint}</p>
    </div>
  );
}

/** Project finish: the early date (the plan as drawn) and P80 (80% of simulated runs end by then). */
export function FinishComparison({
  finish,
  dt,
}: {
  finish: ScenarioComparison["projectFinish"];
  dt: DateText;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FinishFigure
        label="Project finish"
        hint="The early finish of the plan as drawn."
        before={finish.base.earlyDate}
        after={finish.scenario.earlyDate}
        dt={dt}
        figure="finish"
      />
      <FinishFigure
        label="Finish with 80% confidence (P80)"
        hint="8 in 10 simulated runs finish by this date."
        before={finish.base.p80}
        after={finish.scenario.p80}
        dt={dt}
        figure="p80"
      />
    </div>
  );
}

const cell = "py-2 pr-3 align-top";

export function MilestoneComparison({
  milestones,
  dt,
}: {
  milestones: ScenarioComparison["milestones"];
  dt: DateText;
}) {
  return (
    <Card aria-labelledby="milestones-title">
      <CardHeader
        titleId="milestones-title"
        title="Key milestones"
        description="Each key milestone's early date and P80, live → scenario."
      />
      <CardBody>
        {milestones.length === 0 ? (
          <p className="text-sm text-muted">Neither plan has key milestones.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-[13px] sm:text-sm">
              <caption className="sr-only">Key milestones, live roadmap against the scenario</caption>
              <thead>
                <tr className="border-b border-line text-left text-xs text-muted">
                  <th scope="col" className={cx(cell, "font-medium")}>
                    Milestone
                  </th>
                  <th scope="col" className={cx(cell, "font-medium")}>
                    Early date
                  </th>
                  <th scope="col" className={cx(cell, "font-medium")}>
                    P80
                  </th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.id} className="border-b border-line last:border-b-0" data-milestone={m.title}>
                    <th scope="row" className={cx(cell, "text-left font-medium text-ink")}>
                      <span className="inline-flex items-center gap-1.5">
                        {m.isKey && (
                          <FlagIcon className="size-3.5 shrink-0 text-accent-800" aria-label="Key" />
                        )}
                        {m.title}
                      </span>
                    </th>
                    <td className={cell}>
                      <BeforeAfter
                        before={m.base?.earlyDate ?? null}
                        after={m.scenario?.earlyDate ?? null}
                        dt={dt}
                      />
                    </td>
                    <td className={cell}>
                      <BeforeAfter before={m.base?.p80 ?? null} after={m.scenario?.p80 ?? null} dt={dt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

export function StaffingComparison({ staffing }: { staffing: ScenarioComparison["staffing"] }) {
  const rows = staffing.filter((s) => Math.round(s.baseGapHours) > 0 || Math.round(s.scenarioGapHours) > 0);
  return (
    <Card aria-labelledby="staffing-title">
      <CardHeader
        titleId="staffing-title"
        title="Staffing gaps"
        description="Hours of work per skill that no one is planned for (the quarters short, added up)."
      />
      <CardBody>
        {rows.length === 0 ? (
          <p className="text-sm text-muted">No skill is short of people in either plan.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-[13px] sm:text-sm">
              <caption className="sr-only">Staffing gap per skill, live roadmap against the scenario</caption>
              <thead>
                <tr className="border-b border-line text-left text-xs text-muted">
                  <th scope="col" className={cx(cell, "font-medium")}>
                    Skill
                  </th>
                  <th scope="col" className={cx(cell, "text-right font-medium")}>
                    Live
                  </th>
                  <th scope="col" className={cx(cell, "text-right font-medium")}>
                    Scenario
                  </th>
                  <th scope="col" className={cx(cell, "text-right font-medium")}>
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => {
                  const change = gapChange(s.baseGapHours, s.scenarioGapHours);
                  return (
                    <tr key={s.skillId} className="border-b border-line last:border-b-0" data-skill={s.name}>
                      <th scope="row" className={cx(cell, "text-left font-medium text-ink")}>
                        {s.name}
                      </th>
                      <td className={cx(cell, "text-right text-muted tabular-nums")}>
                        {hours(s.baseGapHours)}
                      </td>
                      <td className={cx(cell, "text-right text-ink tabular-nums")}>
                        {hours(s.scenarioGapHours)}
                      </td>
                      <td className={cx(cell, "text-right")}>
                        <Badge tone={change.tone}>{change.label}</Badge>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
