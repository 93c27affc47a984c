// Risks, phases and the staffing plan of an imported document (only the JSON format carries them). Pure.

import { isQuarterLabel, isValidIsoDate, quarterEnd, quarterStart } from "../planning/calendar";
import { findOverlap, orderPhases } from "../planning/phases";
import type { DocumentRisk, RoadmapDocument } from "../validation/roadmap-document";
import { MAX_HEADCOUNT, MAX_HOURS_PER_WEEK } from "../validation/resources";
import { normalizeEmail, quoted, type NormalizeContext } from "./normalize-context";

const MAX_DELAY_DAYS = 260;
const MAX_HIRING_LEAD_WEEKS = 104;
const DEFAULT_HIRING_LEAD_WEEKS = 8;

const isScore = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;

export function normalizeRisks(
  risks: DocumentRisk[],
  itemTitles: Map<string, string>,
  ctx: NormalizeContext,
): DocumentRisk[] {
  const seen = new Set<string>();
  return risks.flatMap((risk, index) => {
    const where = `risks[${index}]`;
    const title = risk.title.trim();
    const what = `risk ${quoted(title || "(untitled)")}`;
    let reason: string | null = null;
    if (seen.has(risk.id)) reason = "Another risk has the same id; only the first was kept.";
    else if (!title) reason = "A risk needs a title.";
    else if (!isScore(risk.likelihood) || !isScore(risk.impact))
      reason = "Likelihood and impact must each be a whole number from 1 to 5.";
    if (reason) {
      ctx.skip(where, what, reason);
      return [];
    }
    seen.add(risk.id);

    const itemIds = [...new Set(risk.itemIds)].filter((id) => itemTitles.has(id));
    const dropped = risk.itemIds.length - itemIds.length;
    if (dropped > 0)
      ctx.skip(
        where,
        `${dropped} item link${dropped === 1 ? "" : "s"} of ${what}`,
        "The risk named items that are not in the file, were left out or were listed twice.",
      );
    let delayDays = risk.delayDays;
    if (delayDays !== null && (delayDays < 0 || delayDays > MAX_DELAY_DAYS)) {
      ctx.skip(
        where,
        `the delay of ${what}`,
        `A delay must be 0 to ${MAX_DELAY_DAYS} working days; none was set.`,
      );
      delayDays = null;
    }
    return [
      {
        ...risk,
        title,
        itemIds,
        delayDays,
        owner: normalizeEmail(risk.owner, where, `the owner of ${what}`, ctx),
      },
    ];
  });
}

export function normalizeStaffing(
  staffing: RoadmapDocument["staffing"],
  ctx: NormalizeContext,
): RoadmapDocument["staffing"] {
  if (staffing === null) return null;
  let hiringLeadWeeks = staffing.hiringLeadWeeks;
  if (hiringLeadWeeks < 0 || hiringLeadWeeks > MAX_HIRING_LEAD_WEEKS) {
    ctx.skip(
      "staffing.hiringLeadWeeks",
      `a hiring lead time of ${hiringLeadWeeks} weeks`,
      `A hiring lead time is 0 to ${MAX_HIRING_LEAD_WEEKS} weeks; the default of ${DEFAULT_HIRING_LEAD_WEEKS} was used.`,
    );
    hiringLeadWeeks = DEFAULT_HIRING_LEAD_WEEKS;
  }
  const seen = new Set<string>();
  const rows = staffing.rows.flatMap((row, index) => {
    const skill = row.skill.trim();
    const what = `staffing of ${quoted(skill || "(no skill)")} in ${quoted(row.quarter)}`;
    const key = `${skill.toLowerCase()}\u0000${row.quarter}`;
    let reason: string | null = null;
    if (!skill) reason = "A staffing row needs a skill.";
    else if (!isQuarterLabel(row.quarter)) reason = 'A quarter is written like "2027-Q1".';
    else if (quarterEnd(row.quarter) < ctx.startDate || quarterStart(row.quarter) > ctx.endDate)
      reason = `The quarter lies outside the roadmap's horizon (${ctx.startDate} to ${ctx.endDate}).`;
    else if (!(row.headcount >= 0 && row.headcount <= MAX_HEADCOUNT))
      reason = `Headcount must be between 0 and ${MAX_HEADCOUNT.toLocaleString("en")}.`;
    else if (!(row.hoursPerWeek >= 0 && row.hoursPerWeek <= MAX_HOURS_PER_WEEK))
      reason = `Hours per week must be between 0 and ${MAX_HOURS_PER_WEEK}.`;
    else if (seen.has(key)) reason = "The skill appears twice for this quarter; the first row was kept.";
    if (reason) {
      ctx.skip(`staffing.rows[${index}]`, what, reason);
      return [];
    }
    seen.add(key);
    return [{ ...row, skill }];
  });
  return { hiringLeadWeeks, rows };
}

/** Phases in order: real dates, inside the horizon, not ending before they start, no overlaps. */
export function normalizePhases(phases: RoadmapDocument["phases"], ctx: NormalizeContext) {
  const kept: RoadmapDocument["phases"] = [];
  for (const [index, phase] of orderPhases(phases).entries()) {
    const where = `phases[${index}]`;
    const what = `the phase ${quoted(phase.name)}`;
    const reason =
      !isValidIsoDate(phase.startDate) || !isValidIsoDate(phase.endDate)
        ? "its dates are not real dates in the form YYYY-MM-DD."
        : phase.endDate < phase.startDate
          ? "it ends before it starts."
          : phase.startDate < ctx.startDate || phase.endDate > ctx.endDate
            ? `it lies outside the roadmap's horizon (${ctx.startDate} to ${ctx.endDate}).`
            : findOverlap(kept, phase)
              ? `it overlaps the phase ${quoted(findOverlap(kept, phase)!.name)}.`
              : null;
    if (reason) ctx.skip(where, what, reason);
    else kept.push(phase);
  }
  return kept;
}
