/*
 * The inline part of comment Markdown: emphasis, code spans, links, bare addresses, mentions and
 * line breaks. One pass from left to right; every search for a closer is either remembered (a
 * search that found nothing is never repeated) or looked up in an index built once per text, and
 * nesting stops at MAX_DEPTH, so hostile bodies parse in linear time.
 */
import { bareUrlAt, LinkMemo, linkAt, UrlRunMemo } from "./markdown-links";
import { mentionMatcher } from "./markdown-mentions";
import { isWordChar, type InlineNode, type ParseOptions } from "./markdown-nodes";

/** Nesting deeper than this (emphasis in a link in bold...) is shown as text. */
const MAX_DEPTH = 6;
const ESCAPABLE = new Set("\\`*_[]()#+-.!@<>~|{}".split(""));

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function runLength(text: string, at: number, ch: string): number {
  let n = 0;
  while (text[at + n] === ch) n++;
  return n;
}

/** Every run of backticks in a text by its length, so a code span's closer is a binary search. */
class BacktickRuns {
  private readonly starts = new Map<number, number[]>();

  constructor(text: string) {
    for (let at = text.indexOf("`"); at !== -1;) {
      const length = runLength(text, at, "`");
      const list = this.starts.get(length);
      if (list) list.push(at);
      else this.starts.set(length, [at]);
      at = text.indexOf("`", at + length);
    }
  }

  /** The start of the first run of exactly `length` backticks in [from, end), or -1. */
  next(length: number, from: number, end: number): number {
    const list = this.starts.get(length);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo] < end ? list[lo] : -1;
  }
}

/** What one text's parse shares across its nested ranges. */
interface Scan {
  text: string;
  backticks: BacktickRuns;
  urls: UrlRunMemo;
  mention: ReturnType<typeof mentionMatcher>;
}

/** One range being parsed (the whole text, or the inside of emphasis or a link). */
interface Range {
  end: number;
  depth: number;
  /** Links and mentions are not allowed inside a link's text. */
  inLink: boolean;
  links: LinkMemo;
  /** Per marker ("*1", "_2"...): no closer exists at or after this position in this range. */
  noCloserFrom: Map<string, number>;
}

const inner = (range: Range, end: number, inLink: boolean): Range => ({
  end,
  depth: range.depth + 1,
  inLink,
  links: new LinkMemo(),
  noCloserFrom: new Map(),
});

/**
 * `**strong**`, `__strong__`, `*emphasis*`, `_emphasis_`: the opener must touch a non-space, the
 * closer must follow one, and underscores only count at word edges (snake_case stays text).
 */
function emphasisAt(
  text: string,
  range: Range,
  at: number,
  ch: string,
  run: number,
): { width: 1 | 2; closer: number } | null {
  const { end } = range;
  if (run > 3) return null;
  const width: 1 | 2 = run >= 2 ? 2 : 1;
  if (at + run >= end || isSpace(text[at + run])) return null;
  if (ch === "_" && isWordChar(text[at - 1])) return null;
  const key = `${ch}${width}`;
  const from = at + width;
  // Whether a run closes depends on the run alone, so a search that failed from p fails from later.
  if (from >= (range.noCloserFrom.get(key) ?? Infinity)) return null;
  let search = from;
  while (search < end) {
    const next = text.indexOf(ch, search);
    if (next === -1 || next >= end) break;
    const length = runLength(text, next, ch);
    const closes =
      next > from &&
      !isSpace(text[next - 1]) &&
      (width === 2 ? length >= 2 : length === 1 || length === 3) &&
      (ch !== "_" || !isWordChar(text[next + length]));
    if (closes) return { width, closer: width === 2 && length === 3 ? next + 1 : next };
    search = next + length;
  }
  range.noCloserFrom.set(key, from);
  return null;
}

function parseRange(scan: Scan, range: Range, start: number): InlineNode[] {
  const { text } = scan;
  const { end } = range;
  const out: InlineNode[] = [];
  let buffer = "";
  const push = (node: InlineNode) => {
    if (buffer) out.push({ type: "text", text: buffer });
    buffer = "";
    out.push(node);
  };

  let i = start;
  while (i < end) {
    const ch = text[i];

    if (ch === "\n") {
      push({ type: "break" });
      i++;
      continue;
    }

    if (ch === "\\" && i + 1 < end && ESCAPABLE.has(text[i + 1])) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }

    if (ch === "`") {
      const run = runLength(text, i, "`");
      const closer = scan.backticks.next(run, i + run, end);
      if (closer === -1) {
        buffer += text.slice(i, i + run);
        i += run;
        continue;
      }
      let code = text.slice(i + run, closer).replace(/\n/g, " ");
      if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ") && code.trim())
        code = code.slice(1, -1);
      push({ type: "code", text: code });
      i = closer + run;
      continue;
    }

    if (ch === "[" && !range.inLink && range.depth < MAX_DEPTH) {
      const link = linkAt(text, i, end, range.links);
      if (link) {
        const children = parseRange(scan, inner(range, link.textEnd, true), i + 1);
        push({ type: "link", href: link.href, children });
        i = link.end;
        continue;
      }
    }

    if (!range.inLink && "hHmM".includes(ch) && !isWordChar(text[i - 1])) {
      const url = bareUrlAt(text, i, end, scan.urls);
      if (url?.href) {
        push({ type: "link", href: url.href, children: [{ type: "text", text: url.text }] });
        i += url.text.length;
        continue;
      }
      if (url) {
        buffer += url.text; // an address that does not parse stays text, as a whole
        i += url.text.length;
        continue;
      }
    }

    if (ch === "@" && !range.inLink) {
      const mention = scan.mention(text, i, end);
      if (mention) {
        push({ type: "mention", handle: mention.handle, text: text.slice(i, i + mention.length) });
        i += mention.length;
        continue;
      }
    }

    if ((ch === "*" || ch === "_") && range.depth < MAX_DEPTH) {
      const run = runLength(text, i, ch);
      const emphasis = emphasisAt(text, range, i, ch, run);
      if (emphasis) {
        const children = parseRange(scan, inner(range, emphasis.closer, range.inLink), i + emphasis.width);
        push({ type: emphasis.width === 2 ? "strong" : "emphasis", children });
        i = emphasis.closer + emphasis.width;
        continue;
      }
      // Not an opener: the whole run is text, so that "***" is not tried three times over.
      buffer += text.slice(i, Math.min(end, i + run));
      i += run;
      continue;
    }

    buffer += ch;
    i++;
  }
  if (buffer) out.push({ type: "text", text: buffer });
  return out;
}

/** A parser of inline Markdown for one set of options; call it once per paragraph or list item. */
export function makeInlineParser(options: ParseOptions): (text: string) => InlineNode[] {
  const mention = mentionMatcher(options.mentionHandles ?? []);
  return (text) =>
    parseRange(
      { text, backticks: new BacktickRuns(text), urls: new UrlRunMemo(), mention },
      { end: text.length, depth: 0, inLink: false, links: new LinkMemo(), noCloserFrom: new Map() },
      0,
    );
}
