import { route } from "@/lib/server/route";
import { allEndpoints, meta } from "@/lib/validation/endpoints";
import { buildOpenApiDocument } from "@/lib/validation/openapi";

export const GET = route(meta.openApiDocument, async () => ({
  body: buildOpenApiDocument(allEndpoints, { version: "1.0.0" }),
}));
