// A picture job's data as it crosses threads (structured clone: nothing in it is a function), and
// its answer; apart from picture-job.ts so that the PNG worker's code does not import the others'.

import { makeDateText } from "@/lib/planning/date-text";
import type { PictureInput } from "./picture-model";
import { scheduleMarks } from "./picture-schedule";

/**
 * A picture as loaded, before its CPM marks: they are computed where it is drawn (pictureInput),
 * off the event loop. `projectStart`: the roadmap's start date, the CPM's day 0.
 */
export type PictureSource = Omit<PictureInput, "schedule"> & { projectStart: string };

/** A picture's data without its date formatter (a function), which the locale rebuilds. */
export type PictureData = Omit<PictureSource, "dates"> & { locale: string };

/** The file, or why it is too large to draw (the caller answers 422 too_large_for_picture). */
export type PictureOutcome =
  | { ok: true; body: Uint8Array | string }
  | { ok: false; tooLarge: { message: string; details: Record<string, unknown> } };

/** A PNG's pixels before encoding: opaque RGBA, row after row. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * What drawing gives: a file, or (PNG) its pixels, which the server's thread encodes
 * (lib/exports/timeline/png-encode.ts) so that no worker thread loads the encoder.
 */
export type DrawnPicture = PictureOutcome | { ok: true; raster: Raster };

export function pictureData(source: PictureSource, locale: string): PictureData {
  const { dates: _dates, ...data } = source;
  return { ...data, locale };
}

/**
 * A job's data ready to draw: its date formatter, which the locale rebuilds, and for the
 * engineering audience (the one that shows them) the CPM marks.
 */
export function pictureInput({ locale, projectStart, ...data }: PictureData): PictureInput {
  const schedule = data.audience === "engineering" ? scheduleMarks({ ...data, projectStart }) : new Map();
  return { ...data, schedule, dates: makeDateText(locale) };
}
