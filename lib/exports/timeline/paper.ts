// The PDF's page geometry, apart from its writer so that laying out pages (render.ts) does not load
// pdfkit: the PNG worker lays out pictures and never writes a PDF.

import type { PaperSize } from "@/lib/validation/pictures";

/** Landscape page sizes in points. */
export const PAPER: Record<PaperSize, { width: number; height: number; label: string }> = {
  a4: { width: 841.89, height: 595.28, label: "A4" },
  letter: { width: 792, height: 612, label: "Letter" },
  a3: { width: 1190.55, height: 841.89, label: "A3" },
};

/** A picture pixel is 0.75 pt, as a browser prints a page (96 px to 72 pt per inch). */
export const PT_PER_PX = 0.75;
/** Room at the page's foot for its number, in picture pixels. */
export const FOOTER_PX = 28;
