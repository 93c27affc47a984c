import { localeFromAcceptLanguage } from "@/lib/server/locale";
import { pictureDrawerOffThread } from "@/lib/server/picture-draw";
import { route } from "@/lib/server/route";
import { exportRoadmap } from "@/lib/services/exports/roadmap-files";
import { exportPicture } from "@/lib/services/exports/picture";
import { communication } from "@/lib/validation/endpoints";
import { PICTURE_FORMATS, pictureOptionsOf, type PictureFormat } from "@/lib/validation/pictures";

const isPicture = (format: string): format is PictureFormat =>
  (PICTURE_FORMATS as readonly string[]).includes(format);

export const GET = route(communication.exportRoadmap, async ({ req, db, actor, params, query }) => {
  const { format } = query;
  const file = isPicture(format)
    ? await exportPicture(
        db,
        actor,
        params.roadmapId,
        // A member sees everything unless they ask for an audience's view.
        { ...pictureOptionsOf({ ...query, format }), audience: query.audience ?? "engineering" },
        {
          now: new Date(),
          locale: localeFromAcceptLanguage(req.headers.get("accept-language")),
          draw: pictureDrawerOffThread(req.signal),
        },
      )
    : await exportRoadmap(db, actor, params.roadmapId, format);
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": file.contentDisposition,
      "cache-control": "no-store",
    },
  });
});
