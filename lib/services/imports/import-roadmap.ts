import type { Database } from "@/db/types";
import type { ParseOptions, UploadKind } from "@/lib/imports/parse-upload";
import type { ImportParse } from "@/lib/imports/types";
import type { ImportRefusal } from "@/lib/imports/worker/protocol";
import type { ImportResult } from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { AppError } from "@/lib/services/kernel/errors";
import { writeImportedRoadmap } from "./write";

export type { UploadKind };

/** An upload as received: its kind and its bytes (UTF-8 text, checked). */
export interface ImportUpload {
  kind: UploadKind;
  data: Uint8Array;
  /** data's length, kept apart because the bytes are handed to the parsing worker. */
  bytes: number;
}

export type ImportStage = "reading" | "parsing" | "writing";

/** Progress of one import: bytes while reading and parsing, rows while writing. */
export interface ImportProgress {
  stage: ImportStage;
  done: number;
  total: number;
}

export type ImportOptions = ParseOptions;

/**
 * Turns an upload into a checked plan, or throws an AppError. The server parses off the event
 * loop, in a worker thread (lib/server/import-parse.ts); services do not know where it runs.
 */
export type ImportParser = (upload: ImportUpload, options: ImportOptions) => Promise<ImportParse>;

/** Only an editor of the team may import into it; checked before the upload is read. */
export async function checkImportAccess(db: Database, actor: Actor, teamId: string): Promise<void> {
  await requirePermission(db, actor, teamId, "roadmap.write");
}

/** A file the parser refused, as the API's error: unreadable 400, past a budget 413, unsafe XML 422. */
export function importRefusalError(refusal: ImportRefusal): AppError {
  if (refusal.kind === "unsafe_xml") return new AppError("unsafe_xml", refusal.message);
  const details = [{ path: refusal.where, message: refusal.message }];
  if (refusal.kind === "limit") return new AppError("payload_too_large", refusal.message, { details });
  return new AppError(
    "invalid_request",
    `The file could not be read (${refusal.where}): ${refusal.message}`,
    {
      details,
    },
  );
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
  options: ImportOptions,
  parse: ImportParser,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  await checkImportAccess(db, actor, teamId);
  const total = upload.bytes;
  onProgress({ stage: "parsing", done: 0, total });
  const plan = await parse(upload, options);
  onProgress({ stage: "parsing", done: total, total });
  return db.transaction((tx) =>
    writeImportedRoadmap(tx, actor, teamId, plan, options, (done, rows) =>
      onProgress({ stage: "writing", done, total: rows }),
    ),
  );
}
