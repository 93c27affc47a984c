/*
 * A small, safe subset of Markdown for comment bodies, parsed into plain data that the UI turns into
 * React elements (never HTML strings). Anything that is not recognised stays text, so hostile input
 * such as <script> or javascript: links can only ever be shown, never run. Every scan is bounded so
 * that a 10,000-character body of unbalanced markers parses in linear time.
 */

export type InlineNode =
  | { type: "text"; text: string }
  | { type: "strong"; children: InlineNode[] }
  | { type: "emphasis"; children: InlineNode[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: InlineNode[] }
  /** `handle` is the entry of `mentionHandles` that matched; `text` is what was typed, with the @. */
  | { type: "mention"; handle: string; text: string }
  | { type: "break" };

export type BlockNode =
  | { type: "paragraph"; children: InlineNode[] }
  | { type: "codeBlock"; language: string | null; text: string }
  | { type: "list"; ordered: boolean; start: number; items: InlineNode[][] };

export interface ParseOptions {
  /**
   * What may follow an @ to make a mention (e-mail addresses, names), matched case-insensitively,
   * longest first. Anything else after an @ stays text.
   */
  mentionHandles?: readonly string[];
}

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
/** Nesting deeper than this (emphasis in a link in bold...) is shown as text. */
const MAX_DEPTH = 6;

/**
 * The address to link to, or null unless it is an absolute http:, https: or mailto: URL. Parsed by
 * the WHATWG URL parser (the browser's own), so tricks such as "java\tscript:" or entities cannot
 * slip past a prefix check.
 */
export function safeHref(raw: string): string | null {
  if (!raw || /[\s<>"'`\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && !url.hostname) return null;
  return url.href;
}

// --- blocks -------------------------------------------------------------------------------------

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)\s*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(\S.*)$/;
const LANGUAGE = /^[\w#+.-]{1,20}$/;

/** Parses a comment body into blocks: paragraphs, fenced code and lists. */
export function parseCommentBody(body: string, options: ParseOptions = {}): BlockNode[] {
  const inline = makeInlineParser(options);
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const blocks: BlockNode[] = [];
  let paragraph: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    blocks.push({ type: "paragraph", children: inline(paragraph.join("\n")) });
    paragraph = [];
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      const marker = fence[1];
      const closing = new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
      const code: string[] = [];
      i++;
      while (i < lines.length && !closing.test(lines[i])) code.push(lines[i++]);
      i++; // the closing fence (or past the end: an unclosed fence runs to the end)
      const language = LANGUAGE.test(fence[2]) ? fence[2] : null;
      blocks.push({ type: "codeBlock", language, text: code.join("\n") });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      flushParagraph();
      const isOrdered = Boolean(ordered);
      const pattern = isOrdered ? ORDERED : BULLET;
      const items: string[][] = [];
      while (i < lines.length) {
        const match = pattern.exec(lines[i]);
        if (match) {
          items.push([(isOrdered ? match[2] : match[1]) ?? ""]);
          i++;
          continue;
        }
        const more = CONTINUATION.exec(lines[i]);
        if (more && items.length > 0 && !FENCE.test(lines[i])) {
          items[items.length - 1].push(more[1]);
          i++;
          continue;
        }
        break;
      }
      blocks.push({
        type: "list",
        ordered: isOrdered,
        start: ordered ? Number(ordered[1]) : 1,
        items: items.map((item) => inline(item.join("\n"))),
      });
      continue;
    }
    if (line.trim() === "") flushParagraph();
    else paragraph.push(line);
    i++;
  }
  flushParagraph();
  return blocks;
}

// --- inline -------------------------------------------------------------------------------------

const ESCAPABLE = new Set("\\`*_[]()#+-.!@<>~|{}".split(""));
const WORD = /[\p{L}\p{N}]/u;
const BARE_URL_START = /^(?:https?:\/\/|mailto:)/i;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_]+$/;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function runLength(text: string, at: number, ch: string): number {
  let n = 0;
  while (text[at + n] === ch) n++;
  return n;
}

/**
 * Remembers searches that found nothing, per kind of closer: if no closer exists after position p,
 * none exists after any later position either, so every later opener fails at once.
 */
class MissMemo {
  private readonly missFrom = new Map<string, number>();
  known(key: string, from: number): boolean {
    const miss = this.missFrom.get(key);
    return miss !== undefined && from >= miss;
  }
  remember(key: string, from: number) {
    const miss = this.missFrom.get(key);
    if (miss === undefined || from < miss) this.missFrom.set(key, from);
  }
  /** The last "]" found and where the search began: no "]" lies between the two. */
  bracket: { from: number; at: number } | null = null;
}

interface Context {
  text: string;
  end: number;
  depth: number;
  /** Links and mentions are not allowed inside a link's text. */
  inLink: boolean;
  memo: MissMemo;
}

function makeInlineParser(options: ParseOptions) {
  const handles = [...new Set((options.mentionHandles ?? []).filter((h) => h.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const lowerHandles = handles.map((h) => h.toLowerCase());

  function mentionAt(text: string, at: number, end: number): { handle: string; length: number } | null {
    if (text[at] !== "@" || handles.length === 0) return null;
    const before = text[at - 1];
    if (isWordChar(before) || (before !== undefined && "@._%+-/".includes(before))) return null;
    const rest = text.slice(at + 1, Math.min(end, at + 1 + lowerHandles[0].length)).toLowerCase();
    for (let h = 0; h < lowerHandles.length; h++) {
      const candidate = lowerHandles[h];
      if (!rest.startsWith(candidate)) continue;
      const next = at + 1 + candidate.length;
      const after = next < end ? text[next] : undefined;
      // The handle must end there: "@ann" is not a mention of "an", nor "@a@b.co" of "a".
      if (isWordChar(after) || after === "@" || after === "_" || after === "-") continue;
      if (after === "." && isWordChar(next + 1 < end ? text[next + 1] : undefined)) continue;
      return { handle: handles[h], length: candidate.length + 1 };
    }
    return null;
  }

  function parse(ctx: Context, start: number): InlineNode[] {
    const { text, end } = ctx;
    const out: InlineNode[] = [];
    let buffer = "";
    const pushText = (s: string) => {
      buffer += s;
    };
    const flush = () => {
      if (buffer) out.push({ type: "text", text: buffer });
      buffer = "";
    };
    const push = (node: InlineNode) => {
      flush();
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
        pushText(text[i + 1]);
        i += 2;
        continue;
      }

      if (ch === "`") {
        const run = runLength(text, i, "`");
        const closer = findCodeCloser(ctx, i + run, run);
        if (closer === -1) {
          pushText(text.slice(i, i + run));
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

      if (ch === "[" && !ctx.inLink && ctx.depth < MAX_DEPTH) {
        const link = linkAt(ctx, i);
        if (link) {
          const children = parse(
            { ...ctx, end: link.textEnd, depth: ctx.depth + 1, inLink: true, memo: new MissMemo() },
            i + 1,
          );
          push({ type: "link", href: link.href, children });
          i = link.end;
          continue;
        }
      }

      if (!ctx.inLink && (ch === "h" || ch === "H" || ch === "m" || ch === "M") && !isWordChar(text[i - 1])) {
        const url = bareUrlAt(text, i, end);
        if (url) {
          push({ type: "link", href: url.href, children: [{ type: "text", text: url.text }] });
          i += url.text.length;
          continue;
        }
      }

      if (ch === "@" && !ctx.inLink) {
        const mention = mentionAt(text, i, end);
        if (mention) {
          push({ type: "mention", handle: mention.handle, text: text.slice(i, i + mention.length) });
          i += mention.length;
          continue;
        }
      }

      if ((ch === "*" || ch === "_") && ctx.depth < MAX_DEPTH) {
        const run = runLength(text, i, ch);
        const emphasis = emphasisAt(ctx, i, ch, run);
        if (emphasis) {
          const children = parse(
            { ...ctx, end: emphasis.closer, depth: ctx.depth + 1, memo: new MissMemo() },
            i + emphasis.width,
          );
          push({ type: emphasis.width === 2 ? "strong" : "emphasis", children });
          i = emphasis.closer + emphasis.width;
          continue;
        }
        // Not an opener: the whole run is text, so that "***" is not tried three times over.
        pushText(text.slice(i, Math.min(end, i + run)));
        i += run;
        continue;
      }

      pushText(ch);
      i++;
    }
    flush();
    return out;
  }

  return (text: string): InlineNode[] =>
    parse({ text, end: text.length, depth: 0, inLink: false, memo: new MissMemo() }, 0);
}

/** The start of the next backtick run of exactly `run` backticks, or -1. */
function findCodeCloser(ctx: Context, from: number, run: number): number {
  const key = `code${run}`;
  if (ctx.memo.known(key, from)) return -1;
  let at = from;
  while (at < ctx.end) {
    const next = ctx.text.indexOf("`", at);
    if (next === -1 || next >= ctx.end) break;
    const length = runLength(ctx.text, next, "`");
    if (length === run) return next;
    at = next + length;
  }
  ctx.memo.remember(key, from);
  return -1;
}

/**
 * `**strong**`, `__strong__`, `*emphasis*`, `_emphasis_`: the opener must touch a non-space, the
 * closer must follow one, and underscores only count at word edges (snake_case stays text).
 */
function emphasisAt(
  ctx: Context,
  at: number,
  ch: string,
  run: number,
): { width: 1 | 2; closer: number } | null {
  const { text, end } = ctx;
  if (run > 3) return null;
  const width: 1 | 2 = run >= 2 ? 2 : 1;
  if (at + run >= end || isSpace(text[at + run])) return null;
  if (ch === "_" && isWordChar(text[at - 1])) return null;
  const key = `${ch}${width}`;
  const from = at + width;
  if (ctx.memo.known(key, from)) return null;
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
  ctx.memo.remember(key, from);
  return null;
}

/** `[text](url)` with a safe url; null leaves the brackets as text (an unsafe link shows as typed). */
function linkAt(ctx: Context, at: number): { href: string; textEnd: number; end: number } | null {
  const { text, end } = ctx;
  if (ctx.memo.known("]", at + 1)) return null;
  const cached = ctx.memo.bracket;
  const close =
    cached && cached.from <= at + 1 && cached.at >= at + 1 ? cached.at : text.indexOf("]", at + 1);
  if (close === -1 || close >= end) {
    ctx.memo.remember("]", at + 1);
    return null;
  }
  if (close !== cached?.at) ctx.memo.bracket = { from: at + 1, at: close };
  if (close === at + 1 || text[close + 1] !== "(") return null;
  if (text.lastIndexOf("[", close - 1) > at) return null; // a nested "[": try from the inner one
  const urlStart = close + 2;
  if (ctx.memo.known(")", urlStart)) return null;
  const paren = text.indexOf(")", urlStart);
  if (paren === -1 || paren >= end) {
    ctx.memo.remember(")", urlStart);
    return null;
  }
  let urlEnd = urlStart;
  let depth = 0;
  while (urlEnd < end && urlEnd - urlStart <= 2048) {
    const c = text[urlEnd];
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) break;
      depth--;
    } else if (c === "[" || c === "]" || /\s/.test(c)) return null; // brackets start another link
    urlEnd++;
  }
  if (text[urlEnd] !== ")" || urlEnd >= end) return null;
  const href = safeHref(text.slice(urlStart, urlEnd));
  if (!href) return null;
  return { href, textEnd: close, end: urlEnd + 1 };
}

/** A bare http(s):// or mailto: address, without the punctuation that ends its sentence. */
function bareUrlAt(text: string, at: number, end: number): { href: string; text: string } | null {
  if (!BARE_URL_START.test(text.slice(at, Math.min(end, at + 8)))) return null;
  let stop = at;
  while (stop < end && stop - at < 2048 && !/[\s<>"`]/.test(text[stop])) stop++;
  let candidate = text.slice(at, stop).replace(TRAILING_PUNCTUATION, "");
  // A closing parenthesis belongs to the URL only if it has an opening one: "(see https://x.io/a)".
  while (candidate.endsWith(")")) {
    const opens = candidate.split("(").length - 1;
    const closes = candidate.split(")").length - 1;
    if (closes <= opens) break;
    candidate = candidate.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
  }
  const href = safeHref(candidate);
  if (!href) return null;
  if (/^https?:\/\/$/i.test(candidate) || /^mailto:$/i.test(candidate)) return null;
  return { href, text: candidate };
}

/** The body as plain text, markers removed: for excerpts and accessible names. */
export function commentPlainText(blocks: BlockNode[]): string {
  const inlineText = (nodes: InlineNode[]): string =>
    nodes
      .map((n) => {
        switch (n.type) {
          case "text":
          case "code":
            return n.text;
          case "mention":
            return n.text;
          case "break":
            return " ";
          default:
            return inlineText(n.children);
        }
      })
      .join("");
  return blocks
    .map((b) =>
      b.type === "paragraph"
        ? inlineText(b.children)
        : b.type === "codeBlock"
          ? b.text
          : b.items.map(inlineText).join(" "),
    )
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
