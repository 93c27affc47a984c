import { MAX_IMPORT_BYTES } from "@/lib/validation/communication-kinds";
import type { ImportResult } from "@/lib/validation/communication";
import type { ActualsImportResult } from "@/lib/validation/learning";
import { learning } from "@/lib/validation/routes";
import { ApiError, sendRequest } from "./api";

export type { ActualsImportResult, ImportResult };

export interface ImportProgress {
  stage: "reading" | "parsing" | "writing";
  done: number;
  total: number;
}

/** One line of the import's progress stream (Accept: application/x-ndjson). */
type StreamLine =
  | ({ type: "progress" } & ImportProgress)
  | { type: "result"; status: number; body: unknown }
  | {
      type: "error";
      status: number;
      body: { error?: { code?: string; message?: string; details?: unknown } };
    };

/** The file types the import reads, by extension (what the file picker offers). */
export const IMPORT_ACCEPT = ".json,.csv,.xml,application/json,text/csv,application/xml,text/xml";

export const TOO_LARGE_MESSAGE = "The file is larger than 10 MiB, the most Cairn imports at once.";

function errorOfLine(line: Extract<StreamLine, { type: "error" }>): ApiError {
  const error = line.body?.error ?? {};
  return new ApiError(
    line.status,
    error.code ?? `http_${line.status}`,
    error.message ?? "The import failed. Try again; if it keeps happening, tell us.",
    { details: error.details },
  );
}

/** Splits a byte stream into lines of text, JSON-parsing each non-empty one. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    const lines = buffer.split("\n");
    buffer = done ? "" : lines.pop()!;
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as StreamLine;
    if (done) return;
  }
}

/**
 * Uploads a file as multipart `file` to an import route, reporting progress as the server streams
 * it. Resolves with the result; rejects with an ApiError (413, 415, 400, 422...).
 */
async function uploadWithProgress<T>(
  path: string,
  file: File,
  options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal },
): Promise<T> {
  if (file.size > MAX_IMPORT_BYTES) throw new ApiError(413, "payload_too_large", TOO_LARGE_MESSAGE);
  const form = new FormData();
  form.set("file", file, file.name);
  // Refusals before the import starts (401, 413, 415, 429) come as an ordinary JSON error.
  const res = await sendRequest(path, {
    method: "POST",
    headers: { accept: "application/x-ndjson" },
    body: form,
    signal: options.signal,
  });
  if (!(res.headers.get("content-type") ?? "").includes("ndjson")) return (await res.json()) as T;
  for await (const line of ndjsonLines(res.body!)) {
    if (line.type === "progress") options.onProgress?.(line);
    else if (line.type === "result") return line.body as T;
    else if (line.type === "error") throw errorOfLine(line);
  }
  throw new ApiError(
    0,
    "network",
    "The import was cut off before it finished. Check what was imported, then try again.",
  );
}

/** Uploads a plan file to become a new roadmap of the team (see uploadWithProgress). */
export function importRoadmapFile(
  teamId: string,
  file: File,
  options: { title?: string; onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportResult> {
  const title = options.title?.trim();
  const query = title ? `?${new URLSearchParams({ title })}` : "";
  return uploadWithProgress(`/api/teams/${encodeURIComponent(teamId)}/imports${query}`, file, options);
}

/** Uploads a CSV of actuals (hours per person and day, actual dates) into a roadmap (issue #18). */
export function importActualsFile(
  roadmapId: string,
  file: File,
  options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<ActualsImportResult> {
  const path = learning.importActuals.path.replace("{roadmapId}", encodeURIComponent(roadmapId));
  return uploadWithProgress(path, file, options);
}
