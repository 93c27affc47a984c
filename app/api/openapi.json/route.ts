import { route } from "@/lib/server/route";
import { allEndpoints, meta } from "@/lib/validation/endpoints";
import { buildOpenApiDocument } from "@/lib/validation/openapi";

// The document only changes with the code: build it once per process.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route(meta.openApiDocument, async () => ({
  body: (document ??= buildOpenApiDocument(allEndpoints, { version: "1.0.0" })),
}));
