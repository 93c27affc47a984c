import type { Audience } from "@/lib/validation/communication-kinds";
import type { PaperSize, PictureFormat, PictureScale } from "@/lib/validation/pictures";
import { errorMessage, sendRequest } from "./api";

/** What a download button calls each picture format. */
export const PICTURE_FORMAT_LABELS: Record<PictureFormat, string> = {
  svg: "SVG",
  png: "PNG",
  pdf: "PDF",
  pptx: "PowerPoint",
};

export const PICTURE_FORMAT_HINTS: Record<PictureFormat, string> = {
  svg: "Vector picture, text stays text",
  png: "Sharp image for slides and chat",
  pdf: "Landscape pages, one lane never cut",
  pptx: "Editable deck: bars, milestones, notes",
};

export interface PictureQuery {
  format: PictureFormat;
  audience?: Audience;
  scale?: PictureScale;
  from?: string;
  to?: string;
  paper?: PaperSize;
}

/** Where a picture comes from: a roadmap (members) or a share link (its own audience). */
export type PictureSource = { roadmapId: string } | { shareToken: string };

/** The export address of a picture; options left at their defaults stay out of the URL. */
export function pictureHref(source: PictureSource, query: PictureQuery): string {
  const base =
    "roadmapId" in source
      ? `/api/roadmaps/${encodeURIComponent(source.roadmapId)}/export`
      : `/api/share/${encodeURIComponent(source.shareToken)}/export`;
  const params = new URLSearchParams({ format: query.format });
  for (const key of ["audience", "scale", "from", "to", "paper"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return `${base}?${params}`;
}

async function fetchPng(href: string): Promise<Blob> {
  const res = await sendRequest(href);
  const blob = await res.blob();
  // Whatever the server labelled it, the clipboard wants exactly this type.
  return blob.type === "image/png" ? blob : new Blob([blob], { type: "image/png" });
}

export type CopyOutcome = { ok: true } | { ok: false; title: string; message: string };

/**
 * Puts the PNG at `href` on the clipboard. The ClipboardItem is built at once with the download as
 * a promise, so that browsers which demand a fresh click (Safari) still see the user's gesture.
 * Failures say why: the picture could not be made (the server's message), or the browser refused.
 */
export async function copyPictureToClipboard(href: string): Promise<CopyOutcome> {
  const refused: CopyOutcome = {
    ok: false,
    title: "This browser does not allow copying images",
    message: "Use Download → PNG and paste the file instead.",
  };
  if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) return refused;
  const png = fetchPng(href);
  png.catch(() => undefined); // read below; keeps an early failure from being reported as unhandled
  try {
    await navigator.clipboard.write([new ClipboardItem({ "image/png": png })]);
    return { ok: true };
  } catch (error) {
    const fetched = await png.then(
      () => null,
      (failure: unknown) => failure,
    );
    if (fetched) {
      return {
        ok: false,
        title: "The picture could not be made",
        message: errorMessage(fetched),
      };
    }
    if (error instanceof DOMException && error.name === "NotAllowedError") {
      return {
        ok: false,
        title: "The browser did not allow the copy",
        message: "Allow clipboard access for this site, or use Download → PNG instead.",
      };
    }
    return refused;
  }
}
