import { readImportUpload } from "@/lib/server/import-body";
import { acceptsNdjson, importProgressStream } from "@/lib/server/import-stream";
import { route } from "@/lib/server/route";
import { checkImportAccess, importRoadmap, type ImportProgress } from "@/lib/services/imports";
import { communication } from "@/lib/validation/endpoints";

export const POST = route(communication.importRoadmap, async ({ db, actor, params, query, req }) => {
  await checkImportAccess(db, actor, params.teamId);
  const upload = await readImportUpload(req);
  const run = (onProgress?: (p: ImportProgress) => void) =>
    importRoadmap(db, actor, params.teamId, upload, query, onProgress);
  return acceptsNdjson(req) ? importProgressStream(upload, run) : { body: await run() };
});
