/*
 * Links in comment bodies: `[text](url)` and bare addresses, limited to absolute http:, https: and
 * mailto: URLs. Every search here is remembered or bounded so that a body made of brackets,
 * parentheses or half addresses is read in linear time (see the hostile-input tests).
 */

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
/** What no accepted address contains: whitespace, quotes, angle brackets, backslashes, controls. */
const REFUSED_IN_URL = /[\s<>"'`\\\u0000-\u001f\u007f]/;
/** Longer addresses are not linked (and keep every scan here short). */
const MAX_URL = 2048;

/**
 * The address to link to, or null unless it is an absolute http:, https: or mailto: URL. Parsed by
 * the WHATWG URL parser (the browser's own), so tricks such as "java\tscript:" or entities cannot
 * slip past a prefix check.
 */
export function safeHref(raw: string): string | null {
  if (!raw || raw.length > MAX_URL || REFUSED_IN_URL.test(raw)) return null;
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

/**
 * What one inline context learned about its closing brackets: if no "]" (or ")") follows position
 * p, none follows any later position either, and the "]" found last (with the "[" nearest before
 * it) serves every "[" between.
 */
export class LinkMemo {
  noBracketFrom = Infinity;
  noParenFrom = Infinity;
  bracket: { from: number; close: number; lastOpen: number } | null = null;
}

/** `[text](url)` with a safe url; null leaves the brackets as text (an unsafe link shows as typed). */
export function linkAt(
  text: string,
  at: number,
  end: number,
  memo: LinkMemo,
): { href: string; textEnd: number; end: number } | null {
  if (at + 1 >= memo.noBracketFrom) return null;
  let found = memo.bracket;
  if (!found || found.from > at + 1 || found.close < at + 1) {
    const close = text.indexOf("]", at + 1);
    if (close === -1 || close >= end) {
      memo.noBracketFrom = at + 1;
      return null;
    }
    // Found once per "]", so a thousand "[" before one "]" do not each search back for it.
    found = memo.bracket = { from: at + 1, close, lastOpen: text.lastIndexOf("[", close - 1) };
  }
  const { close } = found;
  if (close === at + 1 || text[close + 1] !== "(") return null;
  if (found.lastOpen > at) return null; // a nested "[": try from the inner one
  const urlStart = close + 2;
  if (urlStart >= memo.noParenFrom) return null;
  const paren = text.indexOf(")", urlStart);
  if (paren === -1 || paren >= end) {
    memo.noParenFrom = urlStart;
    return null;
  }
  // Only the one "[" nearest a "]" gets here, and the scan stops at the next bracket: each stretch
  // of text is scanned once.
  let urlEnd = urlStart;
  let depth = 0;
  while (urlEnd < end && urlEnd - urlStart <= MAX_URL) {
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

const SCHEMES = ["https://", "http://", "mailto:"] as const;
const HOST_CHAR = /[\p{L}\p{N}_-]/u;
const TRAILING = new Set(".,;:!?'\"*_");

/** Where the run of URL characters containing `at` ends; one scan per run, shared by its addresses. */
export class UrlRunMemo {
  private from = -1;
  private stop = -1;
  runEnd(text: string, at: number): number {
    if (at >= this.from && at < this.stop) return this.stop;
    let stop = at;
    while (stop < text.length && !REFUSED_IN_URL.test(text[stop])) stop++;
    this.from = at;
    this.stop = stop;
    return stop;
  }
}

/** The end of a plausible host after `start` (letters, digits, "-", "_", dots between labels), or -1. */
function hostEnd(text: string, start: number, end: number): number {
  let k = start;
  let label = 0;
  while (k < end && k - start < 255) {
    const ch = text[k];
    if (ch === ".") {
      if (label === 0) return -1;
      label = 0;
    } else if (HOST_CHAR.test(ch)) label++;
    else break;
    k++;
  }
  if (k === start) return -1;
  if (text[k] === ":") {
    const digits = k + 1;
    while (k + 1 < end && k - digits < 5 && text[k + 1] >= "0" && text[k + 1] <= "9") k++;
    k++;
  }
  return k;
}

/**
 * A bare http(s):// or mailto: address at `at`, without the punctuation that ends its sentence:
 * `href` null when it is not a safe address, and then its `text` stays text as a whole. Null when
 * nothing address-like starts here. The host is checked first (a few characters), so text such as
 * "http://[" repeated fails at once instead of being parsed as a URL at every "http".
 */
export function bareUrlAt(
  text: string,
  at: number,
  end: number,
  runs: UrlRunMemo,
): { href: string | null; text: string } | null {
  const head = text.slice(at, at + 8).toLowerCase();
  const scheme = SCHEMES.find((s) => head.startsWith(s));
  if (!scheme) return null;
  const rest = at + scheme.length;
  if (scheme === "mailto:" ? rest >= end || REFUSED_IN_URL.test(text[rest]) : hostEnd(text, rest, end) === -1)
    return null;
  const stop = Math.min(runs.runEnd(text, at), end, at + MAX_URL);
  let last = stop; // exclusive
  let opens = 0;
  let closes = 0;
  for (let k = at; k < stop; k++) {
    if (text[k] === "(") opens++;
    else if (text[k] === ")") closes++;
  }
  const trim = () => {
    while (last > rest && TRAILING.has(text[last - 1])) last--;
  };
  trim();
  // A closing parenthesis belongs to the URL only if it has an opening one: "(see https://x.io/a)".
  while (last > rest && text[last - 1] === ")" && closes > opens) {
    last--;
    closes--;
    trim();
  }
  if (last <= rest) return null;
  const candidate = text.slice(at, last);
  return { href: safeHref(candidate), text: candidate };
}
