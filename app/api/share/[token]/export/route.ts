import { localeFromAcceptLanguage } from "@/lib/server/locale";
import { pictureDrawerOffThread } from "@/lib/server/picture-draw";
import { route } from "@/lib/server/route";
import { exportSharedPicture } from "@/lib/services/exports/picture";
import { SHARED_HEADERS } from "@/lib/services/share-links/shared-view";
import { pictures } from "@/lib/validation/endpoints";
import { pictureOptionsOf } from "@/lib/validation/pictures";

export const GET = route(pictures.getSharedExport, async ({ req, db, params, query }) => {
  const file = await exportSharedPicture(db, params.token, pictureOptionsOf(query), {
    now: new Date(),
    locale: localeFromAcceptLanguage(req.headers.get("accept-language")),
    draw: pictureDrawerOffThread(req.signal),
  });
  return new Response(file.body as BodyInit, {
    headers: {
      ...SHARED_HEADERS,
      "content-type": file.contentType,
      "content-disposition": file.contentDisposition,
    },
  });
});
