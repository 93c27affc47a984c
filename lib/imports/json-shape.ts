// A first look at a JSON text before JSON.parse builds it: how many objects and lists it holds and
// how deep they nest, counted in one pass over the characters. A Cairn export of 10 MiB holds far
// fewer than the caps; a text made to be costly to build ("[{},{},...]" or "[[[[...]]]]") is
// refused here in milliseconds instead of filling the import's memory. Pure.

import { ImportLimitError } from "./types";

export interface JsonShapeLimits {
  /** Objects and lists in the whole text. */
  maxContainers: number;
  maxDepth: number;
}

// A 10 MiB export holds at most about 450,000 objects (its smallest, a skill, takes 23 bytes).
export const JSON_SHAPE_LIMITS: JsonShapeLimits = { maxContainers: 1_000_000, maxDepth: 32 };

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** "line 3, column 7" of a character offset. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/** Throws ImportLimitError past a cap; malformed JSON is left for JSON.parse to report. */
export function checkJsonShape(text: string, limits: JsonShapeLimits = JSON_SHAPE_LIMITS): void {
  let containers = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: find its closing quote, stepping over escapes.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++containers > limits.maxContainers)
        throw new ImportLimitError(
          lineAndColumn(text, i),
          `The file holds more than ${limits.maxContainers.toLocaleString("en")} objects and lists, far more than a Cairn export of 10 MiB; it was not read.`,
        );
      if (++depth > limits.maxDepth)
        throw new ImportLimitError(
          lineAndColumn(text, i),
          `Objects and lists are nested more than ${limits.maxDepth} levels deep; a Cairn export nests a few.`,
        );
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
}
