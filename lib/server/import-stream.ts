import type { ImportProgress, ImportUpload } from "@/lib/services/imports/import-roadmap";
import type { ImportResult } from "@/lib/validation/communication";
import { errorResponse, toAppError } from "./http-errors";

export const NDJSON = "application/x-ndjson";

/** Whether the client asked for the streamed answer (Accept: application/x-ndjson). */
export function acceptsNdjson(req: Request): boolean {
  return (req.headers.get("accept") ?? "").toLowerCase().includes(NDJSON);
}

/**
 * An import answered as newline-delimited JSON, 200, one object per line:
 *   {"type":"progress","stage":"reading"|"parsing"|"writing","done":n,"total":m}  (writing: rows, per chunk)
 * then exactly one of
 *   {"type":"result","status":201,"body":<ImportResult>}
 *   {"type":"error","status":<4xx|500>,"body":{"error":{...}}}  (api.md's error shape)
 * Authentication, the role check, waiting for an import slot (429 when too many run) and reading
 * the upload (413, 415, 400 for text that is not UTF-8) happen before the stream starts and answer
 * their plain status; from parsing on (in the import worker), a failure arrives as the error line. A client that goes away does not stop the import: it commits or not
 * as a whole.
 */
export function importProgressStream<T = ImportResult>(
  upload: ImportUpload,
  run: (onProgress: (progress: ImportProgress) => void) => Promise<T>,
): Response {
  const encoder = new TextEncoder();
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (line: object) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false;
        }
      };
      send({ type: "progress", stage: "reading", done: upload.bytes, total: upload.bytes });
      void run((progress) => send({ type: "progress", ...progress }))
        .then((result) => send({ type: "result", status: 201, body: result }))
        .catch(async (error: unknown) => {
          const failure = errorResponse(toAppError(error));
          send({ type: "error", status: failure.status, body: await failure.json() });
        })
        .finally(() => {
          if (open) controller.close();
          open = false;
        });
    },
    cancel() {
      open = false;
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": `${NDJSON}; charset=utf-8`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
