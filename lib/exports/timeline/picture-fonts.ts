// The fonts every picture draws with, read once per thread: the server's, or a picture worker's.

import { readFileSync } from "node:fs";
import path from "node:path";
import { create, type Font } from "fontkit";
import { TextShaper, type FontKey, type FontSet } from "./text-shaper";

/** The fonts the pictures use, shipped in the project (assets/fonts/README.md says which and why). */
const FONT_FILES: Record<FontKey, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  cjk: "DroidSansFallbackFull.ttf",
  symbols: "Symbola.ttf",
};

export function fontPath(key: FontKey): string {
  return path.join(process.cwd(), "assets", "fonts", FONT_FILES[key]);
}

export interface PictureFonts {
  shaper: TextShaper;
  /** Each font's file and raw bytes, for the PDF writer (which embeds what it uses). */
  files: Record<FontKey, { path: string; data: Buffer }>;
}

let loaded: PictureFonts | null = null;

/** Reads and parses the fonts once per process (about 9 MB, a few milliseconds). */
export function pictureFonts(): PictureFonts {
  if (loaded) return loaded;
  const files = {} as PictureFonts["files"];
  const fonts = {} as FontSet;
  for (const key of Object.keys(FONT_FILES) as FontKey[]) {
    const file = fontPath(key);
    const data = readFileSync(file);
    files[key] = { path: file, data };
    fonts[key] = create(data) as Font;
  }
  loaded = { shaper: new TextShaper(fonts), files };
  return loaded;
}
