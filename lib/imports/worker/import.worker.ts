// The import worker's entry: decodes one upload, parses and checks it, and posts the outcome. It
// runs in a worker thread with its own heap limit (lib/server/workers/run-in-worker.ts), so a file
// that would take more memory or time than an import may, or a fault in a parser, ends this worker
// and fails that one import, never the server. Bundled to .workers/import.mjs by
// scripts/build-workers.mjs; edit, then rebuild (npm run build, npm run dev and vitest do it).

import { parentPort, workerData } from "node:worker_threads";
import { parseUploadText } from "../parse-upload";
import { ImportFormatError, ImportLimitError, UnsafeXmlError } from "../types";
import type { ImportOutcome, ImportTask } from "./protocol";

function run({ kind, bytes, options }: ImportTask): ImportOutcome {
  try {
    // The server checked that the bytes are UTF-8; a byte order mark is dropped here.
    const text = new TextDecoder("utf-8").decode(bytes);
    return { ok: true, parse: parseUploadText(kind, text, options) };
  } catch (error) {
    if (error instanceof UnsafeXmlError)
      return { ok: false, refusal: { kind: "unsafe_xml", message: error.message } };
    if (error instanceof ImportFormatError) {
      const kind = error instanceof ImportLimitError ? "limit" : "format";
      return { ok: false, refusal: { kind, where: error.where, message: error.message } };
    }
    // A fault of ours: the runner reports the worker as crashed.
    throw error;
  }
}

parentPort!.postMessage(run(workerData as ImportTask));
