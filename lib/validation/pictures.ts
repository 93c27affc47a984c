import { z } from "zod";
import { audienceSchema } from "./communication";
import { EXPORT_FORMATS } from "./communication-kinds";
import { isoDateSchema } from "./dates";

import { PICTURE_FORMATS, PICTURE_SCALES, type PictureFormat, type PictureScale } from "./picture-kinds";

export * from "./picture-kinds";

export const PAPER_SIZES = ["a4", "letter", "a3"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const ROADMAP_EXPORT_FORMATS = [...EXPORT_FORMATS, ...PICTURE_FORMATS] as const;

const pictureOptions = {
  audience: audienceSchema
    .optional()
    .describe("Who the picture is for (default engineering; a share link: its own audience)"),
  from: isoDateSchema.optional().describe("First plan date drawn (default: the roadmap's start)"),
  to: isoDateSchema.optional().describe("Last plan date drawn (default: the horizon's end)"),
  scale: z
    .enum(PICTURE_SCALES, { error: 'scale must be "months" or "quarters".' })
    .optional()
    .describe("The time axis: quarters over months (default), or months over weeks"),
  paper: z
    .enum(PAPER_SIZES, { error: 'paper must be "a4", "letter" or "a3".' })
    .optional()
    .describe("PDF paper size, landscape (default a4)"),
};

/** GET /api/roadmaps/:id/export: the data formats, and the pictures with their options. */
export const roadmapExportQuerySchema = z.object({
  format: z.enum(ROADMAP_EXPORT_FORMATS, {
    error: `format must be one of ${ROADMAP_EXPORT_FORMATS.join(", ")}.`,
  }),
  ...pictureOptions,
});
export type RoadmapExportQuery = z.infer<typeof roadmapExportQuerySchema>;

/** GET /api/share/:token/export: the pictures only, for the link's audience. */
export const sharedExportQuerySchema = z.object({
  format: z.enum(PICTURE_FORMATS, { error: `format must be one of ${PICTURE_FORMATS.join(", ")}.` }),
  ...pictureOptions,
});

export interface PictureOptions {
  format: PictureFormat;
  audience: z.infer<typeof audienceSchema>;
  from?: string;
  to?: string;
  scale: PictureScale;
  paper: PaperSize;
}

/** The options of a picture request with their defaults; the audience stays as asked (or absent). */
export function pictureOptionsOf(query: z.infer<typeof sharedExportQuerySchema>) {
  return {
    format: query.format,
    audience: query.audience,
    from: query.from,
    to: query.to,
    scale: query.scale ?? "quarters",
    paper: query.paper ?? "a4",
  } satisfies Omit<PictureOptions, "audience"> & { audience?: PictureOptions["audience"] };
}

/** The media type of each picture format. */
export const PICTURE_MEDIA_TYPES: Record<PictureFormat, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};
