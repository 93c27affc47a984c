import type { Database } from "@/db/types";
import { parseCsvPlan } from "@/lib/imports/csv-plan";
import { parseJsonPlan } from "@/lib/imports/json-plan";
import { parseMspdi } from "@/lib/imports/mspdi";
import { ImportFormatError, UnsafeXmlError, type ImportParse } from "@/lib/imports/types";
import type { ImportResult } from "@/lib/validation/communication";
import type { Actor } from "./actor";
import { requireRole } from "./authorization";
import { AppError } from "./errors";
import { writeImportedRoadmap } from "./import-writer";

/** What an upload is, by its media type or file name: the parser it goes to. */
export type UploadKind = "json" | "csv" | "xml";

/** A decoded upload: its text and how many bytes it was. */
export interface ImportUpload {
  kind: UploadKind;
  text: string;
  bytes: number;
}

export type ImportStage = "reading" | "parsing" | "writing";

/** Progress of one import: bytes while reading and parsing, rows while writing. */
export interface ImportProgress {
  stage: ImportStage;
  done: number;
  total: number;
}

export interface ImportOptions {
  /** The new roadmap's title instead of the file's. */
  title?: string;
}

/** Only an editor of the team may import into it; checked before the upload is read. */
export async function checkImportAccess(db: Database, actor: Actor, teamId: string): Promise<void> {
  await requireRole(db, actor, teamId, "editor");
}

/** "line 3, column 7" of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/**
 * The JSON value of the text. JSON.parse's own message quotes the file, so only the position it
 * names is passed on.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const where = position === undefined ? "" : lineAndColumn(text, Number(position));
    const message = "The file is not valid JSON; export it from Cairn again, or fix it where shown.";
    throw new AppError("invalid_request", message, {
      details: [{ path: where, message: "Not valid JSON here." }],
    });
  }
}

/** The upload through its parser; unreadable files are 400, unsafe XML 422. */
export function parseUpload(upload: ImportUpload, options: ImportOptions = {}): ImportParse {
  try {
    switch (upload.kind) {
      case "json":
        return parseJsonPlan(parseJson(upload.text), options);
      case "csv":
        return parseCsvPlan(upload.text, options);
      case "xml":
        return parseMspdi(upload.text, options);
    }
  } catch (error) {
    if (error instanceof ImportFormatError) {
      throw new AppError("invalid_request", `The file could not be read (${error.where}): ${error.message}`, {
        details: [{ path: error.where, message: error.message }],
      });
    }
    if (error instanceof UnsafeXmlError) throw new AppError("unsafe_xml", error.message);
    throw error;
  }
}

/**
 * Imports a Cairn JSON export, a CSV of items or a Microsoft Project XML plan as a new roadmap of
 * the team, all or nothing, and says what was left out and why.
 */
export async function importRoadmap(
  db: Database,
  actor: Actor,
  teamId: string,
  upload: ImportUpload,
  options: ImportOptions = {},
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  await checkImportAccess(db, actor, teamId);
  onProgress({ stage: "parsing", done: 0, total: upload.bytes });
  const parse = parseUpload(upload, options);
  onProgress({ stage: "parsing", done: upload.bytes, total: upload.bytes });
  return db.transaction((tx) =>
    writeImportedRoadmap(tx, actor, teamId, parse, options, (done, total) =>
      onProgress({ stage: "writing", done, total }),
    ),
  );
}
