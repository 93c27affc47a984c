import { z } from "zod";
import { defineEndpoint } from "../endpoint";

export const openApiDocument = defineEndpoint({
  method: "GET",
  path: "/api/openapi.json",
  summary: "This API as an OpenAPI 3.1 document",
  tag: "Meta",
  auth: "none",
  response: z.looseObject({
    openapi: z.literal("3.1.0"),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  }),
});
