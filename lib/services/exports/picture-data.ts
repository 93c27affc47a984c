import type { Database } from "@/db/types";
import type { PictureSource } from "@/lib/exports/timeline/picture-job-data";
import type { PictureInput } from "@/lib/exports/timeline/picture-model";
import { horizonEnd } from "@/lib/planning/calendar";
import { workstreamProgress } from "@/lib/planning/dashboard-progress";
import { itemProgress } from "@/lib/planning/timeline-actuals";
import { makeDateText } from "@/lib/planning/date-text";
import type { Audience, ExecutiveDashboard } from "@/lib/validation/communication";
import type { PictureScale } from "@/lib/validation/pictures";
import { loadBoard } from "@/lib/services/roadmaps/board";
import { buildDashboard } from "@/lib/services/dashboards/build";
import { AppError } from "@/lib/services/kernel/errors";
import { loadPhases } from "@/lib/services/phases/rows";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { yieldToEventLoop } from "@/lib/services/kernel/event-loop";

export interface PictureRequest {
  audience: Audience;
  from?: string;
  to?: string;
  scale: PictureScale;
  /** A share link's picture: no cut items, as its view. */
  forShare: boolean;
  now: Date;
  /** Dates in the reader's language (Accept-Language). */
  locale: string;
}

/** The range drawn: the horizon unless cut by from/to, which must lie inside it, in order. */
export function pictureRange(roadmap: RoadmapRow, from?: string, to?: string): { from: string; to: string } {
  const start = roadmap.startDate;
  const end = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
  const range = { from: from ?? start, to: to ?? end };
  const details = { from: range.from, to: range.to, horizonStart: start, horizonEnd: end };
  if (range.from > range.to)
    throw new AppError(
      "outside_horizon",
      `from (${range.from}) is after to (${range.to}): give a range that runs forward.`,
      { details },
    );
  if (range.from < start || range.to > end)
    throw new AppError(
      "outside_horizon",
      `The range ${range.from} – ${range.to} leaves the roadmap's horizon (${start} – ${end}): choose dates inside it.`,
      { details },
    );
  return range;
}

/** Key milestones' P80 and on-time probability: the executive dashboard's, so both always agree. */
export function forecastMarks(dashboard: ExecutiveDashboard): PictureInput["forecast"] {
  return new Map(
    dashboard.keyMilestones.map((m) => [m.id, { p80: m.p80, onTimeProbability: m.onTimeProbability }]),
  );
}

/**
 * What a picture of the roadmap is drawn from, for an audience: lanes, items (a share link's without
 * cut ones), links, phases with their gates, and what the audience follows (the forecast for
 * executives, lane progress for product; engineering's CPM marks are computed where the picture is
 * drawn, off the event loop: picture-job-data.ts). No person's name is read.
 */
export async function loadPictureInput(
  db: Database,
  roadmap: RoadmapRow,
  request: PictureRequest,
  executive?: ExecutiveDashboard,
): Promise<PictureSource> {
  const range = pictureRange(roadmap, request.from, request.to);
  const [board, phases] = await Promise.all([loadBoard(db, roadmap), loadPhases(db, roadmap.id)]);
  // The event loop runs between reading the board and mapping it (each tens of ms at 10,000 items).
  await yieldToEventLoop();
  const items = request.forShare ? board.items.filter((i) => i.status !== "cut") : board.items;
  const { audience } = request;
  const today = request.now.toISOString().slice(0, 10);
  let forecast: PictureInput["forecast"] = new Map();
  if (audience === "executive") {
    const dashboard =
      executive ??
      ((await buildDashboard(db, roadmap, "executive", {
        forShare: request.forShare,
        now: request.now,
      })) as ExecutiveDashboard);
    forecast = forecastMarks(dashboard);
  }
  return {
    title: roadmap.title,
    audience,
    ...range,
    detail: request.scale,
    today,
    lanes: board.workstreams.map((w) => ({ id: w.id, name: w.name, position: w.position })),
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      startDate: i.startDate,
      endDate: i.endDate,
      workstreamId: i.workstreamId,
      status: i.status,
      isKey: i.isKey,
      progress: itemProgress(i, today),
    })),
    dependencies: board.dependencies.map((d) => ({
      id: d.id,
      fromId: d.fromId,
      toId: d.toId,
      lagDays: d.lagDays,
    })),
    projectStart: roadmap.startDate,
    forecast,
    laneProgress:
      audience === "product"
        ? new Map(workstreamProgress(board.workstreams, items).map((w) => [w.id, w.progress]))
        : new Map(),
    phases: phases.map((p) => ({
      id: p.id,
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
      position: p.position,
      subjectToReplanning: p.subjectToReplanning,
      gate: p.gate ? { title: p.gate.title, decision: p.gate.decision?.decision ?? null } : null,
    })),
    dates: makeDateText(request.locale),
  };
}
