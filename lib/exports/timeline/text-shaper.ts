// Text on the server's pictures, with the fonts the project ships (assets/fonts): which font draws
// each character (DejaVu Sans, then Droid Sans Fallback for CJK, then Symbola for emoji), runs in
// visual order for right-to-left titles, widths for truncation, and positioned glyphs for the PNG
// (which draws glyph outlines, so that it never depends on the machine's fonts).

import type { Font, Glyph } from "fontkit";

export type FontKey = "regular" | "bold" | "cjk" | "symbols";
export type FontSet = Record<FontKey, Font>;

/** One stretch of text drawn with one font in one direction, in visual order. */
export interface TextRun {
  font: FontKey;
  text: string;
  rtl: boolean;
  /** Offset from the text's start, and width, in font units (of em = 1) times size. */
  x: number;
  width: number;
}

export interface PositionedGlyph {
  font: FontKey;
  glyph: Glyph;
  /** From the text's start, in pixels at the size asked. */
  x: number;
  y: number;
}

/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms read right to left. */
function isRtl(cp: number): boolean {
  return (cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe);
}

/** Characters that need a shaper (joining, reordering, marks): everything RTL or Indic and beyond. */
function isComplex(cp: number): boolean {
  return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x0590 && cp <= 0x1dff) || (cp >= 0xfb1d && cp <= 0xfefe);
}

/** Joiners and variation selectors: drawn by nothing, kept with the character before them. */
function isZeroWidth(cp: number): boolean {
  return cp === 0x200d || cp === 0x200c || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

const LETTER = /[\p{L}\p{N}]/u;
const LAYOUT_CACHE = 4_000;
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

interface LogicalRun {
  font: FontKey;
  text: string;
  rtl: boolean;
}

export class TextShaper {
  private readonly advances = new Map<string, number>();
  private readonly layouts = new Map<string, { glyphs: Glyph[]; xs: number[]; advance: number }>();
  /** Widths in ems by weight and text: a picture measures the same labels many times. */
  private readonly widths = new Map<string, number>();

  constructor(private readonly fonts: FontSet) {}

  /** The font that draws a character: the text's own face, else the fallbacks in order. */
  private fontFor(cp: number, primary: FontKey): FontKey {
    if (this.fonts[primary].hasGlyphForCodePoint(cp)) return primary;
    if (this.fonts.cjk.hasGlyphForCodePoint(cp)) return "cjk";
    if (this.fonts.symbols.hasGlyphForCodePoint(cp)) return "symbols";
    return primary;
  }

  /** Logical runs: a new run wherever the font or the direction of strong characters changes. */
  private logicalRuns(text: string, bold: boolean): LogicalRun[] {
    const primary: FontKey = bold ? "bold" : "regular";
    const runs: LogicalRun[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const last = runs.at(-1);
      if (last && (isZeroWidth(cp) || (ch === " " && last.font !== "symbols"))) {
        last.text += ch;
        continue;
      }
      const font = this.fontFor(cp, primary);
      const strong = LETTER.test(ch);
      const rtl = strong ? isRtl(cp) : (last?.rtl ?? false);
      if (last && last.font === font && (last.rtl === rtl || !strong)) last.text += ch;
      else runs.push({ font, text: ch, rtl });
    }
    return runs;
  }

  private advanceOf(font: FontKey, cp: number): number {
    const key = `${font}:${cp}`;
    let advance = this.advances.get(key);
    if (advance === undefined) {
      const f = this.fonts[font];
      advance = isZeroWidth(cp) ? 0 : f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
      this.advances.set(key, advance);
    }
    return advance;
  }

  /** Glyphs in visual order with x offsets in em, shaped by fontkit where the script needs it. */
  private shape(run: LogicalRun): { glyphs: Glyph[]; xs: number[]; advance: number } {
    const key = `${run.font}|${run.text}`;
    const cached = this.layouts.get(key);
    if (cached) return cached;
    const f = this.fonts[run.font];
    const upm = f.unitsPerEm;
    const glyphs: Glyph[] = [];
    const xs: number[] = [];
    let advance = 0;
    const complex = [...run.text].some((ch) => isComplex(ch.codePointAt(0)!));
    if (complex) {
      // fontkit joins, reorders and (for right-to-left scripts) reverses into visual order.
      const laid = f.layout(run.text);
      laid.glyphs.forEach((glyph, i) => {
        const p = laid.positions[i];
        glyphs.push(glyph);
        xs.push(advance + p.xOffset / upm);
        advance += p.xAdvance / upm;
      });
    } else {
      const chars = [...run.text].filter((ch) => !isZeroWidth(ch.codePointAt(0)!));
      if (run.rtl) chars.reverse();
      for (const ch of chars) {
        const cp = ch.codePointAt(0)!;
        glyphs.push(f.glyphForCodePoint(cp));
        xs.push(advance);
        advance += this.advanceOf(run.font, cp);
      }
    }
    const shaped = { glyphs, xs, advance };
    if (this.layouts.size >= LAYOUT_CACHE) this.layouts.clear();
    this.layouts.set(key, shaped);
    return shaped;
  }

  private runAdvance(run: LogicalRun): number {
    const complex = [...run.text].some((ch) => isComplex(ch.codePointAt(0)!));
    if (complex) return this.shape(run).advance;
    let sum = 0;
    for (const ch of run.text) sum += this.advanceOf(run.font, ch.codePointAt(0)!);
    return sum;
  }

  /** The text's width in pixels at `size`. */
  width(text: string, size: number, bold = false): number {
    const key = `${bold ? "b" : "r"}${text}`;
    let em = this.widths.get(key);
    if (em === undefined) {
      em = 0;
      for (const run of this.logicalRuns(text, bold)) em += this.runAdvance(run);
      if (this.widths.size >= LAYOUT_CACHE * 4) this.widths.clear();
      this.widths.set(key, em);
    }
    return em * size;
  }

  /**
   * The runs in visual order with their offsets: a paragraph that starts right to left puts its
   * runs right to left (each run's glyphs are ordered by the shaper).
   */
  runs(text: string, size: number, bold = false): TextRun[] {
    const logical = this.logicalRuns(text, bold);
    const firstStrong = [...text].find((ch) => LETTER.test(ch));
    const rtlParagraph = firstStrong !== undefined && isRtl(firstStrong.codePointAt(0)!);
    const visual = rtlParagraph ? [...logical].reverse() : logical;
    let x = 0;
    return visual.map((run) => {
      const width = this.runAdvance(run) * size;
      const out = { ...run, x, width };
      x += width;
      return out;
    });
  }

  /** Every glyph of the text with its position, for drawing outlines. */
  glyphs(text: string, size: number, bold = false): PositionedGlyph[] {
    const out: PositionedGlyph[] = [];
    for (const run of this.runs(text, size, bold)) {
      const { glyphs, xs } = this.shape(run);
      glyphs.forEach((glyph, i) => out.push({ font: run.font, glyph, x: run.x + xs[i] * size, y: 0 }));
    }
    return out;
  }

  /** The text cut at a grapheme boundary with "…" so that it fits `maxWidth` (whole when it fits). */
  fit(text: string, size: number, maxWidth: number, bold = false): string {
    if (this.width(text, size, bold) <= maxWidth) return text;
    const graphemes = Array.from(segmenter.segment(text), (s) => s.segment);
    let lo = 0;
    let hi = graphemes.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const candidate = `${graphemes.slice(0, mid).join("").trimEnd()}…`;
      if (this.width(candidate, size, bold) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return lo === 0 ? "" : `${graphemes.slice(0, lo).join("").trimEnd()}…`;
  }

  fontOf(key: FontKey): Font {
    return this.fonts[key];
  }
}
