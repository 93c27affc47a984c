import { route } from "@/lib/server/route";
import { exportRoadmap } from "@/lib/services/exports";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.exportRoadmap, async ({ db, actor, params, query }) => {
  const file = await exportRoadmap(db, actor, params.roadmapId, query.format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": file.contentDisposition,
      "cache-control": "no-store",
    },
  });
});
