/** The tree a comment body parses into: plain data, turned into React elements by the UI. */

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

const WORD = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}
