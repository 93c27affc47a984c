import { readImportUpload, refuseDeclaredOversize } from "@/lib/server/import-body";
import { acceptsNdjson, importProgressStream } from "@/lib/server/import-stream";
import { route } from "@/lib/server/route";
import { holdImportSlot } from "@/lib/services/imports/slots";
import { AppError } from "@/lib/services/kernel/errors";
import type { ImportProgress } from "@/lib/services/imports/import-roadmap";
import { checkActualsImportAccess, importActuals } from "@/lib/services/time-entries/import-actuals";
import { learning } from "@/lib/validation/endpoints";

export const POST = route(learning.importActuals, async ({ db, actor, params, req }) => {
  await checkActualsImportAccess(db, actor, params.roadmapId);
  refuseDeclaredOversize(req);
  // The plan imports' queue: waiting imports hold no body, 429 past it.
  const release = await holdImportSlot(req.signal);
  let streaming = false;
  try {
    const upload = await readImportUpload(req);
    if (upload.kind !== "csv")
      throw new AppError("unsupported_media_type", "Actuals are imported from a CSV file (text/csv).");
    const text = new TextDecoder().decode(upload.data);
    const run = (onProgress?: (p: ImportProgress) => void) =>
      importActuals(db, actor, params.roadmapId, text, new Date(), onProgress);
    if (!acceptsNdjson(req)) return { body: await run() };
    streaming = true;
    return importProgressStream(upload, (onProgress) => run(onProgress).finally(release));
  } finally {
    if (!streaming) release();
  }
});
