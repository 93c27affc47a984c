import JSZip from "jszip";
import { PNG } from "pngjs";

/** A PDF's pages: their size in points and their text, read by pdf.js (as a PDF reader would). */
export async function readPdf(
  data: Uint8Array,
): Promise<Array<{ width: number; height: number; text: string }>> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    pages.push({ width, height, text: text.replace(/\s+/g, " ") });
  }
  await doc.destroy();
  return pages;
}

export interface PptxContents {
  /** Slide XML in slide order. */
  slides: string[];
  /** Speaker notes XML by slide number (1-based), where a slide has notes. */
  notes: Map<number, string>;
  files: string[];
  zip: JSZip;
}

/** A .pptx opened as what it is: a zip of XML parts. */
export async function readPptx(data: Uint8Array): Promise<PptxContents> {
  const zip = await JSZip.loadAsync(data);
  const files = Object.keys(zip.files);
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1]);
  const slideNames = files
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => number(a) - number(b));
  const slides = await Promise.all(slideNames.map((f) => zip.file(f)!.async("string")));
  const notes = new Map<number, string>();
  for (const [index, name] of slideNames.entries()) {
    const rels = await zip.file(name.replace("slides/", "slides/_rels/") + ".rels")?.async("string");
    const target = rels && /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    if (target) notes.set(index + 1, await zip.file(`ppt/notesSlides/${target}`)!.async("string"));
  }
  return { slides, notes, files, zip };
}

/** The text runs (<a:t>) of an Office XML part. */
export function officeText(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) =>
    m[1]
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

export function readPng(data: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(data));
}
