import { defineEndpoint } from "../endpoint";

export const openApiDocument = defineEndpoint({
  method: "GET",
  path: "/api/openapi.json",
  summary: "This API as an OpenAPI 3.1 document",
  tag: "Meta",
  auth: "none",
});
