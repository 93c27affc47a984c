// An upload's text through the parser of its kind: Cairn JSON, CSV or Microsoft Project XML. What
// the import worker runs. Pure: no framework; failures are the typed errors of types.ts.

import { parseCsvPlan } from "./csv-plan";
import { parseJsonPlan } from "./json-plan";
import { checkJsonShape, lineAndColumn } from "./json-shape";
import { parseMspdi } from "./mspdi";
import { ImportFormatError, type ImportParse } from "./types";

/** What an upload is, by its media type or file name: the parser it goes to. */
export type UploadKind = "json" | "csv" | "xml";

export interface ParseOptions {
  /** The new roadmap's title instead of the file's. */
  title?: string;
}

/**
 * The JSON value of the text. JSON.parse's own message quotes the file, so only the position it
 * names is passed on.
 */
function parseJson(text: string): unknown {
  checkJsonShape(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    throw new ImportFormatError(
      position === undefined ? "the document" : lineAndColumn(text, Number(position)),
      "The file is not valid JSON; export it from Cairn again, or fix it where shown.",
    );
  }
}

export function parseUploadText(kind: UploadKind, text: string, options: ParseOptions = {}): ImportParse {
  switch (kind) {
    case "json":
      return parseJsonPlan(parseJson(text), options);
    case "csv":
      return parseCsvPlan(text, options);
    case "xml":
      return parseMspdi(text, options);
  }
}
