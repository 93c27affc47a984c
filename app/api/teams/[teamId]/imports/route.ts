import { readImportUpload, refuseDeclaredOversize } from "@/lib/server/import-body";
import { parseUploadInWorker } from "@/lib/server/import-parse";
import { acceptsNdjson, importProgressStream } from "@/lib/server/import-stream";
import { route } from "@/lib/server/route";
import { holdImportSlot } from "@/lib/services/imports/slots";
import { checkImportAccess, importRoadmap, type ImportProgress } from "@/lib/services/imports/import-roadmap";
import { communication } from "@/lib/validation/endpoints";

export const POST = route(communication.importRoadmap, async ({ db, actor, params, query, req }) => {
  await checkImportAccess(db, actor, params.teamId);
  refuseDeclaredOversize(req);
  // Before the body is read, so that waiting imports hold no body: 429 past the queue.
  const release = await holdImportSlot(req.signal);
  let streaming = false;
  try {
    const upload = await readImportUpload(req);
    const run = (onProgress?: (p: ImportProgress) => void) =>
      importRoadmap(db, actor, params.teamId, upload, query, parseUploadInWorker, onProgress);
    if (!acceptsNdjson(req)) return { body: await run() };
    streaming = true;
    return importProgressStream(upload, (onProgress) => run(onProgress).finally(release));
  } finally {
    if (!streaming) release();
  }
});
