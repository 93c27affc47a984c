import { MAX_IMPORT_BYTES } from "@/lib/validation/communication-kinds";
import type { ImportResult } from "@/lib/validation/communication";
import { ApiError, sendRequest } from "./api";

export type { ImportResult };

export interface ImportProgress {
  stage: "reading" | "parsing" | "writing";
  done: number;
  total: number;
}

/** One line of the import's progress stream (Accept: application/x-ndjson). */
type StreamLine =
  | ({ type: "progress" } & ImportProgress)
  | { type: "result"; status: number; body: ImportResult }
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
 * Uploads a plan file to become a new roadmap of the team, reporting progress as the server
 * streams it. Resolves with the result; rejects with an ApiError (413, 415, 400, 422...).
 */
export async function importRoadmapFile(
  teamId: string,
  file: File,
  options: { title?: string; onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) throw new ApiError(413, "payload_too_large", TOO_LARGE_MESSAGE);
  const form = new FormData();
  form.set("file", file, file.name);
  const title = options.title?.trim();
  const query = title ? `?${new URLSearchParams({ title })}` : "";
  // Refusals before the import starts (401, 413, 415, 429) come as an ordinary JSON error.
  const res = await sendRequest(`/api/teams/${encodeURIComponent(teamId)}/imports${query}`, {
    method: "POST",
    headers: { accept: "application/x-ndjson" },
    body: form,
    signal: options.signal,
  });
  if (!(res.headers.get("content-type") ?? "").includes("ndjson")) return (await res.json()) as ImportResult;
  for await (const line of ndjsonLines(res.body!)) {
    if (line.type === "progress") options.onProgress?.(line);
    else if (line.type === "result") return line.body;
    else if (line.type === "error") throw errorOfLine(line);
  }
  throw new ApiError(
    0,
    "network",
    "The import was cut off before it finished. Check the team’s roadmaps, then try again.",
  );
}
