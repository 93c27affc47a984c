import type { Database } from "@/db/types";
import {
  drawPicture,
  pictureData,
  type PictureJob,
  type PictureOutcome,
} from "@/lib/exports/timeline/picture-job";
import { pictureFonts } from "@/lib/exports/timeline/picture-fonts";
import { pictureFile } from "@/lib/exports/timeline/png-encode";
import { visibleItems } from "@/lib/exports/timeline/picture-model";
import { MAX_PICTURE_ITEMS } from "@/lib/exports/timeline/render";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";
import { PICTURE_MEDIA_TYPES, type PictureOptions } from "@/lib/validation/pictures";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { attachmentDisposition } from "./roadmap-files";
import { buildDashboard } from "@/lib/services/dashboards/build";
import { deckData } from "./picture-deck";
import { countPictureItems } from "./picture-count";
import { loadPictureInput, pictureRange } from "./picture-data";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { yieldToEventLoop } from "@/lib/services/kernel/event-loop";
import { openShareLink } from "@/lib/services/share-links/shared-view";

/** A picture to download. */
export interface PictureFile {
  body: Uint8Array | string;
  contentType: string;
  contentDisposition: string;
}

/**
 * Draws a picture from its data. The server draws them in worker threads
 * (lib/server/picture-draw.ts), off the event loop; services do not know where it runs.
 */
export type PictureDrawer = (job: PictureJob) => Promise<PictureOutcome>;

/** Draws in this thread (tests, scripts). */
export const drawPictureHere: PictureDrawer = async (job) =>
  pictureFile(await drawPicture(job, pictureFonts()));

export interface PictureContext {
  now: Date;
  locale: string;
  /** Where the picture is drawn; in this thread when left out. */
  draw?: PictureDrawer;
}

/**
 * Lets the event loop run between a picture's loading steps (board, CPM, dashboard, deck data),
 * each tens to hundreds of milliseconds at 1,000 items, so other requests are served in between.
 */
const breathe = yieldToEventLoop;

const tooLarge = (message: string, details: Record<string, unknown>) =>
  new AppError("too_large_for_picture", message, { details });

function checkItemCount(count: number) {
  if (count > MAX_PICTURE_ITEMS) {
    throw tooLarge(
      `This picture would show ${count.toLocaleString("en")} items; a picture holds at most ${MAX_PICTURE_ITEMS.toLocaleString("en")}. Choose a shorter range with from and to, or the executive audience.`,
      { items: count, limit: MAX_PICTURE_ITEMS },
    );
  }
}

async function pictureOf(
  db: Database,
  roadmap: RoadmapRow,
  options: PictureOptions,
  forShare: boolean,
  ctx: PictureContext,
): Promise<PictureFile> {
  // The deck's figures and the executive picture's P80 are the executive dashboard's. It runs a
  // forecast: another audience's deck builds it only once the picture is known not to be too large.
  const dashboard = async () =>
    (await buildDashboard(db, roadmap, "executive", { forShare, now: ctx.now })) as ExecutiveDashboard;
  // Counted first (range errors too), so that a picture too large is refused without loading it.
  const range = pictureRange(roadmap, options.from, options.to);
  checkItemCount(await countPictureItems(db, roadmap.id, { ...range, audience: options.audience, forShare }));
  const forPicture = options.audience === "executive" ? await dashboard() : undefined;
  await breathe();
  const input = await loadPictureInput(
    db,
    roadmap,
    { ...options, forShare, now: ctx.now, locale: ctx.locale },
    forPicture,
  );
  checkItemCount(visibleItems(input).length);
  await breathe();
  const executive = forPicture ?? (options.format === "pptx" ? await dashboard() : undefined);
  await breathe();
  const data = pictureData(input, ctx.locale);
  const job: PictureJob =
    options.format === "pptx"
      ? { format: "pptx", data, deck: await deckData(db, roadmap, input, executive!, ctx.now) }
      : {
          format: options.format,
          data,
          paper: options.paper,
          subject: `${AUDIENCE_LABELS[input.audience]} timeline`,
          createdAt: ctx.now,
        };
  const outcome = await (ctx.draw ?? drawPictureHere)(job);
  if (!outcome.ok) throw tooLarge(outcome.tooLarge.message, outcome.tooLarge.details);
  const { body } = outcome;
  const name = `${roadmap.title} ${options.audience}`;
  return {
    body,
    contentType: PICTURE_MEDIA_TYPES[options.format] + (options.format === "svg" ? "; charset=utf-8" : ""),
    contentDisposition: attachmentDisposition(name, ctx.now.toISOString().slice(0, 10), options.format),
  };
}

/** The timeline of a roadmap as a picture, PDF or deck for an audience (viewer and above). */
export async function exportPicture(
  db: Database,
  actor: Actor,
  roadmapId: string,
  options: PictureOptions,
  ctx: PictureContext,
): Promise<PictureFile> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return pictureOf(db, roadmap, options, false, ctx);
}

/**
 * A share link's picture, PDF or deck: its own audience only (another one is a resource the link
 * does not open: 404), under the same rules as its view (no cut items, nobody's name).
 */
export async function exportSharedPicture(
  db: Database,
  token: string,
  options: Omit<PictureOptions, "audience"> & { audience?: PictureOptions["audience"] },
  ctx: PictureContext,
): Promise<PictureFile> {
  const { link, roadmap } = await openShareLink(db, token, ctx.now);
  if (options.audience && options.audience !== link.audience) {
    throw new AppError(
      "not_found",
      `This share link opens the ${link.audience} view only; ask for audience=${link.audience} or leave audience out.`,
    );
  }
  return pictureOf(db, roadmap, { ...options, audience: link.audience }, true, ctx);
}
