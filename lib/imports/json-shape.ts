// A first look at a JSON text before JSON.parse builds it: how many objects and lists it holds, how
// many entries each has and how deep they nest, counted in one pass over the characters. A Cairn
// export of 10 MiB stays far inside the caps; a text made to be costly to build ("[{},{},...]",
// "[[[[...]]]]", or a list of five million numbers) is refused here in milliseconds instead of
// filling the import's memory. Capping each list also keeps every allocation small: a worker's heap
// limit stops many small allocations cleanly, but one huge one can abort the whole process
// (nodejs/node#47224). Pure.

import { ImportLimitError } from "./types";

export interface JsonShapeLimits {
  /** Objects and lists in the whole text. */
  maxContainers: number;
  /** Entries in one object or list. */
  maxEntries: number;
  maxDepth: number;
}

// A 10 MiB export holds at most about 450,000 objects (its smallest, a skill, takes 23 bytes), and
// its longest list, the dependencies, at most 100,000 entries.
export const JSON_SHAPE_LIMITS: JsonShapeLimits = {
  maxContainers: 1_000_000,
  maxEntries: 100_000,
  maxDepth: 32,
};

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const LF = 10;

/** "line 3, column 7" of a character offset, counted without copying the text. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Throws ImportLimitError past a cap; malformed JSON is left for JSON.parse to report. */
export function checkJsonShape(text: string, limits: JsonShapeLimits = JSON_SHAPE_LIMITS): void {
  const refuse = (at: number, message: string): never => {
    throw new ImportLimitError(lineAndColumn(text, at), message);
  };
  // Commas seen so far in each open object or list (entries = commas + 1).
  const commas = new Int32Array(limits.maxDepth + 1);
  let containers = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: find its closing quote, stepping over escapes.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE || s === LF) break;
      }
    } else if (c === COMMA) {
      if (depth > 0 && ++commas[depth] >= limits.maxEntries)
        refuse(
          i,
          `An object or list holds more than ${limits.maxEntries.toLocaleString("en")} entries, more than a Cairn export has; it was not read.`,
        );
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++containers > limits.maxContainers)
        refuse(
          i,
          `The file holds more than ${limits.maxContainers.toLocaleString("en")} objects and lists, far more than a Cairn export of 10 MiB; it was not read.`,
        );
      if (++depth > limits.maxDepth)
        refuse(
          i,
          `Objects and lists are nested more than ${limits.maxDepth} levels deep; a Cairn export nests a few.`,
        );
      commas[depth] = 0;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
}
