// The one place the domain rules are applied to an imported plan, whatever its format: a file's
// parser builds a raw document, this keeps what passes and reports the rest, one sentence each.
// Pure: no framework, no database.

import { horizonEnd, isValidIsoDate } from "../planning/calendar";
import type { DocumentItem, RoadmapDocument } from "../validation/roadmap-document";
import { HORIZON } from "../validation/roadmaps";
import { createItemSchema, MAX_HOURS } from "../validation/timeline";
import { normalizeDependencies } from "./normalize-links";
import { normalizePhases, normalizeRisks, normalizeStaffing } from "./normalize-extras";
import {
  DOCUMENT_LOCATOR,
  normalizeEmail,
  quoted,
  type Locator,
  type NormalizeContext,
} from "./normalize-context";
import { SkipReport } from "./skip-report";
import { ImportFormatError, type ImportParse, type ImportSource } from "./types";

const MAX_TITLE = 200;
const MAX_LANE_NAME = 100;
const DEFAULT_TITLE = "Imported roadmap";

/**
 * Applies every domain rule to a raw document. Throws ImportFormatError only if the roadmap itself
 * is unusable. `skipped` holds what the file's reader left out before (its entries come first).
 */
export function normalizeDocument(
  document: RoadmapDocument,
  source: ImportSource,
  locate: Partial<Locator> = {},
  skipped = new SkipReport(),
): ImportParse {
  const { roadmap } = document;
  if (!isValidIsoDate(roadmap.startDate))
    throw new ImportFormatError(
      "roadmap.startDate",
      `The roadmap's start date ${quoted(roadmap.startDate)} is not a real date in the form YYYY-MM-DD.`,
    );
  const horizonMonths = Math.min(HORIZON.max, Math.max(HORIZON.min, roadmap.horizonMonths));
  const ctx: NormalizeContext = {
    skipped,
    skip: (where, what, reason, rule) => skipped.add({ where, what, reason }, rule),
    startDate: roadmap.startDate,
    endDate: horizonEnd(roadmap.startDate, horizonMonths),
    locate: { ...DOCUMENT_LOCATOR, ...locate },
  };
  if (horizonMonths !== roadmap.horizonMonths)
    ctx.skip(
      "roadmap.horizonMonths",
      `a horizon of ${roadmap.horizonMonths} months`,
      `A roadmap spans ${HORIZON.min} to ${HORIZON.max} months; the horizon was set to ${horizonMonths} months.`,
    );

  const workstreams = normalizeWorkstreams(document.workstreams, ctx);
  const items = normalizeItems(document.items, new Set(workstreams.map((w) => w.id)), ctx);
  const itemTitles = new Map(items.map((i) => [i.id, i.title]));
  const dependencies = normalizeDependencies(document.dependencies, itemTitles, ctx);
  const risks = normalizeRisks(document.risks, itemTitles, ctx);
  const staffing = normalizeStaffing(document.staffing, ctx);
  const phases = normalizePhases(document.phases ?? [], ctx);

  const title = roadmap.title.trim().slice(0, MAX_TITLE) || DEFAULT_TITLE;
  return {
    source,
    ...skipped.summary(),
    document: {
      ...document,
      roadmap: { ...roadmap, title, horizonMonths },
      workstreams,
      items,
      dependencies,
      risks,
      staffing,
      phases,
    },
  };
}

function normalizeWorkstreams(lanes: RoadmapDocument["workstreams"], ctx: NormalizeContext) {
  const seen = new Set<string>();
  return lanes.flatMap((lane, index) => {
    const where = ctx.locate.workstream(lane.id, index);
    const name = lane.name.trim();
    if (seen.has(lane.id)) {
      ctx.skip(where, `lane ${quoted(name)}`, "Another lane has the same id; only the first was kept.");
      return [];
    }
    if (!name || name.length > MAX_LANE_NAME) {
      const reason = name ? `A lane name may be at most ${MAX_LANE_NAME} characters` : "A lane needs a name";
      ctx.skip(
        where,
        name ? `lane ${quoted(name)}` : "a lane without a name",
        `${reason}; its items were put in no lane.`,
      );
      return [];
    }
    seen.add(lane.id);
    return [{ id: lane.id, name, position: Math.min(10_000, Math.max(0, lane.position)) }];
  });
}

function normalizeItems(items: DocumentItem[], laneIds: Set<string>, ctx: NormalizeContext): DocumentItem[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const where = ctx.locate.item(item.id, index);
    const what = `${item.kind} ${quoted(item.title.trim() || "(untitled)")}`;
    if (seen.has(item.id)) {
      ctx.skip(where, what, "Another item has the same id; only the first was kept.");
      return [];
    }
    const reason = shapeProblem(item) ?? horizonProblem(item, ctx);
    if (reason) {
      ctx.skip(where, what, reason);
      return [];
    }
    seen.add(item.id);
    let workstreamId = item.workstreamId;
    if (workstreamId !== null && !laneIds.has(workstreamId)) {
      ctx.skip(
        where,
        `the lane of ${what}`,
        "Its lane is not in the file (or was left out); the item was put in no lane.",
      );
      workstreamId = null;
    }
    return [
      {
        ...item,
        workstreamId,
        title: item.title.trim(),
        skills: normalizeSkills(item, where, what, ctx),
        owner: normalizeEmail(item.owner, where, `the owner of ${what}`, ctx),
      },
    ];
  });
}

/** The item rules of the timeline API (lib/validation/timeline.ts), as one sentence, or null. */
function shapeProblem(item: DocumentItem): string | null {
  if (item.title.trim().length > MAX_TITLE) return `A title may be at most ${MAX_TITLE} characters.`;
  for (const [label, value] of [
    ["start", item.startDate],
    ["end", item.endDate],
  ] as const)
    if (!isValidIsoDate(value))
      return `The ${label} date ${quoted(value)} is not a real date in the form YYYY-MM-DD.`;
  const parsed = createItemSchema.safeParse({
    kind: item.kind,
    title: item.title,
    description: item.description,
    startDate: item.startDate,
    endDate: item.endDate,
    outcome: item.outcome,
    isKey: item.isKey,
    status: item.status,
    estimate: item.estimate,
  });
  // The first problem only: one sentence a person can act on, then the next on a second import.
  return parsed.success ? null : parsed.error.issues[0].message;
}

function horizonProblem(item: DocumentItem, ctx: NormalizeContext): string | null {
  if (item.startDate >= ctx.startDate && item.endDate <= ctx.endDate) return null;
  return `It lies outside the roadmap's horizon (${ctx.startDate} to ${ctx.endDate}).`;
}

function normalizeSkills(item: DocumentItem, where: string, what: string, ctx: NormalizeContext) {
  const seen = new Set<string>();
  return item.skills.flatMap(({ skill, hours }) => {
    const name = skill.trim();
    const label = `skill ${quoted(name || skill)} of ${what}`;
    if (!name) ctx.skip(where, `a skill of ${what}`, "A skill needs a name.");
    else if (seen.has(name.toLowerCase()))
      ctx.skip(where, label, "The skill is listed twice; the first was kept.");
    else if (!Number.isFinite(hours) || hours < 0 || hours > MAX_HOURS)
      ctx.skip(where, label, `Skill hours must be between 0 and ${MAX_HOURS.toLocaleString("en")}.`);
    else {
      seen.add(name.toLowerCase());
      return [{ skill: name, hours }];
    }
    return [];
  });
}
