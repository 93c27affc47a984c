import type { Database } from "@/db/types";
import { drawingToPng, MAX_PNG_PIXELS, MIN_PNG_DENSITY, pngDensity } from "@/lib/exports/timeline/png";
import { drawingsToPdf } from "@/lib/exports/timeline/pdf";
import { visibleItems, type PictureInput } from "@/lib/exports/timeline/picture-model";
import { MAX_PICTURE_ITEMS, pdfDrawings, pictureDrawing, pictureScene } from "@/lib/exports/timeline/render";
import { drawingToSvg } from "@/lib/exports/timeline/svg";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";
import {
  PICTURE_MEDIA_TYPES,
  type PaperSize,
  type PictureFormat,
  type PictureOptions,
} from "@/lib/validation/pictures";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { attachmentDisposition } from "./roadmap-files";
import { buildDashboard } from "@/lib/services/dashboards/build";
import { deckFile } from "./picture-deck";
import { loadPictureInput } from "./picture-data";
import { pictureFonts } from "./picture-fonts";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { openShareLink } from "@/lib/services/share-links/shared-view";

/** A picture to download. */
export interface PictureFile {
  body: Uint8Array | string;
  contentType: string;
  contentDisposition: string;
}

export interface PictureContext {
  now: Date;
  locale: string;
}

const tooLarge = (message: string, details: Record<string, unknown>) =>
  new AppError("too_large_for_picture", message, { details });

function checkItemCount(input: PictureInput) {
  const count = visibleItems(input).length;
  if (count > MAX_PICTURE_ITEMS) {
    throw tooLarge(
      `This picture would show ${count.toLocaleString("en")} items; a picture holds at most ${MAX_PICTURE_ITEMS.toLocaleString("en")}. Choose a shorter range with from and to, or the executive audience.`,
      { items: count, limit: MAX_PICTURE_ITEMS },
    );
  }
}

async function render(
  input: PictureInput,
  format: Exclude<PictureFormat, "pptx">,
  paper: PaperSize,
  ctx: PictureContext,
) {
  const { shaper, files } = pictureFonts();
  switch (format) {
    case "svg":
      return drawingToSvg(pictureDrawing(pictureScene(input, shaper)));
    case "png": {
      const drawing = pictureDrawing(pictureScene(input, shaper));
      const density = pngDensity(drawing);
      if (density === null) {
        const pixels = Math.round(drawing.width * drawing.height);
        throw tooLarge(
          `This picture would be ${Math.round(drawing.width)} × ${Math.round(drawing.height)} pixels: even at half size that is more than a PNG holds (${MAX_PNG_PIXELS.toLocaleString("en")} pixels). Choose a shorter range with from and to, scale=quarters, or the SVG or PDF.`,
          { pixels, limit: MAX_PNG_PIXELS, minDensity: MIN_PNG_DENSITY },
        );
      }
      return drawingToPng(drawing, shaper, density);
    }
    case "pdf": {
      const drawings = pdfDrawings(input, shaper, paper);
      const fonts = {
        regular: files.regular.data,
        bold: files.bold.data,
        cjk: files.cjk.data,
        symbols: files.symbols.data,
      };
      return drawingsToPdf(drawings, paper, shaper, fonts, {
        title: input.title,
        subject: `${AUDIENCE_LABELS[input.audience]} timeline`,
        createdAt: ctx.now,
      });
    }
  }
}

async function pictureOf(
  db: Database,
  roadmap: RoadmapRow,
  options: PictureOptions,
  forShare: boolean,
  ctx: PictureContext,
): Promise<PictureFile> {
  // The deck's figures and the executive picture's P80 are the executive dashboard's.
  const executive =
    options.format === "pptx" || options.audience === "executive"
      ? ((await buildDashboard(db, roadmap, "executive", { forShare, now: ctx.now })) as ExecutiveDashboard)
      : undefined;
  const input = await loadPictureInput(
    db,
    roadmap,
    { ...options, forShare, now: ctx.now, locale: ctx.locale },
    executive,
  );
  checkItemCount(input);
  const body =
    options.format === "pptx"
      ? await deckFile(db, roadmap, input, executive!, ctx.now)
      : await render(input, options.format, options.paper, ctx);
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
