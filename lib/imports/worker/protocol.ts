// What the server and the import worker (import.worker.ts) send each other. Plain data only: the
// task crosses by structured clone, with the body's bytes transferred rather than copied.

import type { ParseOptions, UploadKind } from "../parse-upload";
import type { ImportParse } from "../types";

export interface ImportTask {
  kind: UploadKind;
  /** The body as uploaded: UTF-8 text (checked before the task is sent). */
  bytes: Uint8Array;
  options: ParseOptions;
}

/** Why a file was refused; everything else a worker throws is a fault of ours. */
export type ImportRefusal =
  /** Unreadable: 400 invalid_request. */
  | { kind: "format"; where: string; message: string }
  /** Past one of the fixed budgets: 413 payload_too_large. */
  | { kind: "limit"; where: string; message: string }
  /** A DOCTYPE or entity declarations: 422 unsafe_xml. */
  | { kind: "unsafe_xml"; message: string };

export type ImportOutcome = { ok: true; parse: ImportParse } | { ok: false; refusal: ImportRefusal };
