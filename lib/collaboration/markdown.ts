/*
 * A small, safe subset of Markdown for comment bodies, parsed into plain data that the UI turns into
 * React elements (never HTML strings). Anything that is not recognised stays text, so hostile input
 * such as <script> or javascript: links can only ever be shown, never run. Blocks (paragraphs,
 * fenced code, lists) are read here line by line; inline Markdown in markdown-inline.ts and links
 * in markdown-links.ts. The whole parse is linear in the body's length: no pattern here can
 * backtrack, and every search for a closer is remembered or indexed (see the hostile-input tests).
 *
 * Why not micromark/mdast: on the hostile bodies of the tests it took 30-300 ms per 10,000
 * characters and grew faster than linearly, overflowed the stack on nested emphasis, and added
 * about 17 kB gzipped (20 kB with bare-address links) to the roadmap page; this parser is 2.5 kB.
 */
import { makeInlineParser } from "./markdown-inline";
import type { BlockNode, InlineNode, ParseOptions } from "./markdown-nodes";

export type { BlockNode, InlineNode, ParseOptions } from "./markdown-nodes";
export { safeHref } from "./markdown-links";

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(\S.*)$/;
const LANGUAGE = /^[\w#+.-]{1,20}$/;

/** Up to three spaces of indent: where the line's content starts, or -1 past that. */
function indentEnd(line: string): number {
  let k = 0;
  while (k < 3 && line[k] === " ") k++;
  return line[k] === " " ? -1 : k;
}

/**
 * An opening fence: three or more ` or ~, then at most one word (the language). Scanned by hand:
 * the regular expression it replaces backtracked for seconds on a fence followed by " \t" repeated.
 */
function fenceAt(line: string): { char: string; length: number; info: string } | null {
  const start = indentEnd(line);
  if (start === -1) return null;
  const char = line[start];
  if (char !== "`" && char !== "~") return null;
  let k = start;
  while (line[k] === char) k++;
  if (k - start < 3) return null;
  const info = line.slice(k).trim();
  if (/[`\s]/.test(info)) return null;
  return { char, length: k - start, info };
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const start = indentEnd(line);
  if (start === -1) return false;
  let k = start;
  while (line[k] === fence.char) k++;
  return k - start >= fence.length && line.slice(k).trim() === "";
}

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
    const fence = fenceAt(line);
    if (fence) {
      flushParagraph();
      const code: string[] = [];
      i++;
      while (i < lines.length && !closesFence(lines[i], fence)) code.push(lines[i++]);
      i++; // the closing fence (or past the end: an unclosed fence runs to the end)
      const language = LANGUAGE.test(fence.info) ? fence.info : null;
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
        if (more && items.length > 0 && !fenceAt(lines[i])) {
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

/** The body as plain text, markers removed: for excerpts and accessible names. */
export function commentPlainText(blocks: BlockNode[]): string {
  const inlineText = (nodes: InlineNode[]): string =>
    nodes
      .map((n) => {
        switch (n.type) {
          case "text":
          case "code":
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
