// The deck's slides besides the timeline: key milestones with their forecast, the top risks with
// their contingency, staffing gaps and what changed since the audience's last review. Each says
// where its numbers come from in its speaker notes.

import type PptxGenJS from "pptxgenjs";
import { STATUS_LABELS } from "@/lib/planning/timeline-style";
import type { ExecutiveDashboard, UpcomingReview } from "@/lib/validation/communication";
import { AUDIENCE_LABELS, type Audience } from "@/lib/validation/communication-kinds";
import { COLOURS } from "./palette";
import type { PictureInput } from "./picture-model";
import { DECK_FONT } from "./pptx-shapes";
import { plainLine } from "./xml-text";

export interface DeckData {
  input: PictureInput;
  roadmapId: string;
  dashboard: ExecutiveDashboard;
  /** Since the latest review with the deck's audience; null when none was held. */
  sinceLastReview: ExecutiveDashboard["sinceLastReview"];
  nextReview: UpcomingReview | null;
  forecast: { runs: number; seed: number };
}

type Pptx = PptxGenJS;
type Row = PptxGenJS.TableRow;
const hex = (c: string) => c.replace("#", "").toUpperCase();
const ROWS_PER_SLIDE = 9;
export const SLIDE = { width: 13.333, height: 7.5, margin: 0.5 };

export function slideTitle(slide: PptxGenJS.Slide, title: string, subtitle?: string) {
  slide.addText(title, {
    x: SLIDE.margin,
    y: 0.3,
    w: SLIDE.width - 2 * SLIDE.margin,
    h: 0.6,
    fontFace: DECK_FONT,
    fontSize: 28,
    bold: true,
    color: hex(COLOURS.ink),
    margin: 0,
  });
  if (subtitle)
    slide.addText(subtitle, {
      x: SLIDE.margin,
      y: 0.9,
      w: SLIDE.width - 2 * SLIDE.margin,
      h: 0.4,
      fontFace: DECK_FONT,
      fontSize: 16,
      color: hex(COLOURS.muted),
      margin: 0,
    });
}

type Cell = PptxGenJS.TableCell;
const cell = (text: string, options?: Cell["options"]): Cell => ({ text, options });

const header = (cells: string[]): Row =>
  cells.map((text) => ({
    text,
    options: { bold: true, color: "FFFFFF", fill: { color: hex(COLOURS.accent800) } },
  }));

/** A table over as many slides as it needs, ROWS_PER_SLIDE rows each, with the header repeated. */
function tableSlides(
  pptx: Pptx,
  title: string,
  subtitle: string,
  head: string[],
  rows: Row[],
  colW: number[],
  notes: string,
) {
  const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_SLIDE));
  for (let page = 0; page < pages; page++) {
    const slide = pptx.addSlide();
    slideTitle(slide, pages > 1 ? `${title} (${page + 1} of ${pages})` : title, subtitle);
    const chunk = rows.slice(page * ROWS_PER_SLIDE, (page + 1) * ROWS_PER_SLIDE);
    slide.addTable([header(head), ...chunk], {
      x: SLIDE.margin,
      y: 1.5,
      w: SLIDE.width - 2 * SLIDE.margin,
      colW,
      fontFace: DECK_FONT,
      fontSize: 14,
      color: hex(COLOURS.ink),
      border: { type: "solid", pt: 0.75, color: hex(COLOURS.lineStrong) },
      valign: "middle",
      margin: 0.06,
    });
    slide.addNotes(notes);
  }
}

const percent = (p: number | null) => (p === null ? "—" : `${Math.round(p * 100)}%`);

export function milestoneSlides(pptx: Pptx, data: DeckData) {
  const { dates } = data.input;
  const { keyMilestones, projectFinish } = data.dashboard;
  const rows: Row[] = keyMilestones.map((m) => [
    cell(plainLine(m.title)),
    cell(dates.date(m.date)),
    cell(m.p80 ? dates.date(m.p80) : "—"),
    cell(percent(m.onTimeProbability), {
      bold: true,
      color: hex(m.onTimeProbability !== null && m.onTimeProbability < 0.5 ? COLOURS.danger700 : COLOURS.ink),
    }),
    cell(STATUS_LABELS[m.status]),
  ]);
  if (rows.length === 0)
    rows.push([
      cell("No key milestones yet: mark the milestones that matter most as key on the timeline.", {
        colspan: 5,
        color: hex(COLOURS.muted),
      }),
    ]);
  const finish = `Project finish: planned ${dates.date(projectFinish.planned)}${projectFinish.p80 ? `, P80 ${dates.date(projectFinish.p80)}` : ""}`;
  const notes = [
    `Key milestones of the roadmap with their planned dates. P80: the date by which 80% of ${data.forecast.runs.toLocaleString("en")} Monte-Carlo runs (seed ${data.forecast.seed}) reach the milestone, sampling each open feature's three-point estimate and the open risks' delays; on-time probability: the share of runs reaching it by its planned date.`,
    `The same figures as the executive dashboard and the forecast page (GET /api/roadmaps/${data.roadmapId}/forecast?runs=${data.forecast.runs}&seed=${data.forecast.seed}), as of ${dates.date(data.input.today)}.`,
    `${finish}: planned is the critical-path (CPM) finish on working days, Monday to Friday.`,
  ].join("\n\n");
  tableSlides(
    pptx,
    "Key milestones",
    finish,
    ["Milestone", "Planned", "P80", "On time", "Status"],
    rows,
    [5.6, 1.9, 1.9, 1.3, 1.63],
    notes,
  );
}

export function riskSlides(pptx: Pptx, data: DeckData) {
  const rows: Row[] = data.dashboard.topRisks.map((r) => [
    cell(plainLine(r.title)),
    cell(String(r.score)),
    cell(r.status.charAt(0).toUpperCase() + r.status.slice(1)),
    r.contingency
      ? cell(plainLine(r.contingency))
      : cell(r.needsContingency ? "None yet: needed (score 15 or more)" : "None", {
          color: hex(r.needsContingency ? COLOURS.danger700 : COLOURS.muted),
          bold: r.needsContingency,
        }),
  ]);
  if (rows.length === 0)
    rows.push([cell("No open risks in the register.", { colspan: 4, color: hex(COLOURS.muted) })]);
  const notes = `The open risks with the highest scores (likelihood × impact, each 1–5) from the roadmap's risk register, at most five, as on the executive dashboard. A risk scoring 15 or more needs a contingency plan. As of ${data.input.dates.date(data.input.today)}.`;
  tableSlides(
    pptx,
    "Top risks",
    "Open risks by score, with their contingency plans",
    ["Risk", "Score", "Status", "Contingency"],
    rows,
    [4.6, 1, 1.6, 5.13],
    notes,
  );
}

export function staffingSlides(pptx: Pptx, data: DeckData) {
  const rows: Row[] = data.dashboard.staffingGaps.map((g) => [
    cell(plainLine(g.skill)),
    cell(g.worstQuarter.replace("-", " ")),
    cell(`${Math.round(g.gapHours).toLocaleString("en")} h`),
    cell(g.addHeadcount > 0 ? String(g.addHeadcount) : "—"),
  ]);
  if (rows.length === 0)
    rows.push([
      cell("No skill is short of people in any quarter of the plan.", {
        colspan: 4,
        color: hex(COLOURS.muted),
      }),
    ]);
  const notes = `Skills whose demand exceeds capacity in some quarter. Demand: the skill hours the roadmap's items need per quarter; capacity: the staffing plan's headcount × hours per week over the quarter's working weeks. Gap: the shortfalls summed over the quarters (a surplus in one quarter does not cover another); people to add: the capacity page's ramp-up suggestion. As of ${data.input.dates.date(data.input.today)}.`;
  tableSlides(
    pptx,
    "Staffing gaps",
    "Skills short of people, largest gap first",
    ["Skill", "Worst quarter", "Gap", "People to add"],
    rows,
    [5.3, 2.4, 2.4, 2.23],
    notes,
  );
}

function changeLines(since: NonNullable<ExecutiveDashboard["sinceLastReview"]>): string[] {
  const s = since.summary;
  const finish =
    since.finishDays === 0
      ? "unchanged"
      : `${Math.abs(since.finishDays)} days ${since.finishDays > 0 ? "later" : "earlier"}`;
  return [
    `Items: ${s.added} added, ${s.removed} removed or cut, ${s.moved} moved, ${s.changed} changed otherwise`,
    `Project finish: ${finish}`,
    `Dependencies: ${s.dependenciesAdded} added, ${s.dependenciesRemoved} removed`,
    `Risks: ${s.risksAdded} added, ${s.risksRemoved} removed, ${s.risksChanged} changed`,
  ];
}

export function changesSlide(pptx: Pptx, data: DeckData, audience: Audience) {
  const { dates } = data.input;
  const slide = pptx.addSlide();
  const label = AUDIENCE_LABELS[audience].toLowerCase();
  const since = data.sinceLastReview;
  const next = data.nextReview
    ? nextReviewText(data.nextReview, dates.date)
    : `No ${label} review cadence is set.`;
  if (!since) {
    slideTitle(slide, "Changes since the last review", next);
    slide.addText(
      `No ${label} review has been held yet. Record one on the Reviews page: the next deck shows what changed since.`,
      {
        x: SLIDE.margin,
        y: 1.6,
        w: SLIDE.width - 2 * SLIDE.margin,
        h: 1,
        fontFace: DECK_FONT,
        fontSize: 18,
        color: hex(COLOURS.muted),
      },
    );
    slide.addNotes(`No review with the ${label} audience is recorded for this roadmap. ${next}`);
    return;
  }
  slideTitle(slide, `Changes since the ${label} review of ${dates.date(since.heldOn)}`, next);
  slide.addText(
    changeLines(since).map((text) => ({ text, options: { bullet: true, breakLine: true } })),
    {
      x: SLIDE.margin,
      y: 1.45,
      w: 6.2,
      h: 2.6,
      fontFace: DECK_FONT,
      fontSize: 16,
      color: hex(COLOURS.ink),
      valign: "top",
    },
  );
  const moves: Row[] = since.moved
    .slice(0, 8)
    .map((m) => [
      cell(plainLine(m.title)),
      cell(`${dates.date(m.fromStart)} → ${dates.date(m.toStart)}`),
      cell(`${m.startDays > 0 ? "+" : ""}${m.startDays} d`),
    ]);
  if (moves.length > 0)
    slide.addTable([header(["Largest moves", "Start", "Days"]), ...moves], {
      x: 6.9,
      y: 1.45,
      w: 5.93,
      colW: [2.6, 2.53, 0.8],
      fontFace: DECK_FONT,
      fontSize: 12,
      color: hex(COLOURS.ink),
      border: { type: "solid", pt: 0.75, color: hex(COLOURS.lineStrong) },
      valign: "middle",
      margin: 0.05,
    });
  slide.addNotes(
    `What changed between the snapshot taken at the ${label} review held on ${dates.date(since.heldOn)} and the roadmap as of ${dates.date(data.input.today)}: the review's diff (Reviews page, or GET /api/roadmaps/${data.roadmapId}/diff?from=<the review's snapshot>&to=now). Moves count features and key milestones whose start or end changed, in calendar days. ${next}`,
  );
}

/** "Next executive review: 12 Jan 2027 (monthly)", or overdue since when. */
export function nextReviewText(review: UpcomingReview, date: (iso: string) => string): string {
  const label = AUDIENCE_LABELS[review.audience].toLowerCase();
  if (review.overdue && review.overdueSince)
    return `The ${label} review is overdue since ${date(review.overdueSince)} (${review.daysOverdue} days)`;
  return `Next ${label} review: ${date(review.nextDue)}`;
}
