import { z } from "zod";
import { errorSchema } from "./common";
import type { Endpoint } from "./endpoint";

type JsonSchema = Record<string, unknown>;

const COMMON_ERRORS: Record<string, string> = {
  "400": "invalid_request: the body or query fails the schema (details lists each problem)",
  "401": "unauthenticated: no valid session or API token",
  "403":
    "forbidden: your role in the team is too low; insufficient_scope: a read-only API token tried to change something; cross_site_request: a change with the session cookie came from another site",
  "404": "not_found: no such resource in a team you belong to",
  "429": "rate_limited: wait for Retry-After seconds",
};

/**
 * Named schemas (`.meta({ id })`) become shared components: zod puts them under a local `$defs`,
 * which an OpenAPI document cannot resolve from its root, so they are moved to
 * components.schemas and every reference is rewritten. Input shapes get an "Input" suffix.
 */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
    }) as JsonSchema;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    const nameOf = (id: string) => (io === "input" ? `${id}Input` : id);
    const rewrite = (value: JsonSchema): JsonSchema =>
      JSON.parse(
        JSON.stringify(value).replace(
          /"#\/\$defs\/([^"]+)"/g,
          (_, id: string) => `"#/components/schemas/${nameOf(id)}"`,
        ),
      );
    for (const [id, def] of Object.entries(defs)) {
      delete def.id;
      this.components[nameOf(id)] ??= rewrite(def);
    }
    const body = rewrite(json);
    // A named schema converted on its own comes back as itself: refer to it instead.
    if (typeof body.id === "string") {
      const name = nameOf(body.id);
      delete body.id;
      this.components[name] ??= body;
      return { $ref: `#/components/schemas/${name}` };
    }
    return body;
  }
}

function operation(endpoint: Endpoint, schemas: SchemaCollector) {
  const params = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string", format: "uuid" },
  }));
  const query = endpoint.query ? schemas.convert(endpoint.query, "input") : undefined;
  const queryParams = Object.entries((query?.properties as Record<string, JsonSchema>) ?? {}).map(
    ([name, schema]) => ({
      name,
      in: "query",
      required: ((query?.required as string[]) ?? []).includes(name),
      schema,
    }),
  );
  const headerParams =
    endpoint.ifMatch !== undefined
      ? [
          {
            name: "If-Match",
            in: "header",
            required: endpoint.ifMatch === "required",
            schema: { type: "string", examples: ['"3"'] },
            description:
              "The version you read (from ETag); a stale one answers 412 with the current resource.",
          },
        ]
      : [];
  const errorResponses = Object.fromEntries(
    Object.entries({
      ...COMMON_ERRORS,
      ...(endpoint.method !== "GET" && {
        "415":
          "unsupported_media_type: a change with the session cookie must be sent as application/json (multipart/form-data where a file is taken), even without a body",
      }),
      ...(endpoint.ifMatch === "required" && {
        "412": "version_mismatch: If-Match names an old version; `current` carries the resource as it is now",
        "428": "precondition_required: If-Match is missing",
      }),
      ...(endpoint.errors?.length && { "4XX": `Domain rules: ${endpoint.errors.join(", ")}` }),
    }).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    summary: endpoint.summary,
    tags: [endpoint.tag],
    operationId: `${endpoint.method.toLowerCase()}${endpoint.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
    ...(endpoint.auth === "none" && { security: [] }),
    // Session-only operations: a Bearer token gets 403 session_required.
    ...(endpoint.auth === "session" && { security: [{ session: [] }] }),
    parameters: [...params, ...queryParams, ...headerParams],
    ...(endpoint.body && {
      requestBody: {
        required: true,
        content: { "application/json": { schema: schemas.convert(endpoint.body, "input") } },
      },
    }),
    ...(endpoint.rawBody && {
      requestBody: {
        required: true,
        description: endpoint.rawBody.description,
        content: Object.fromEntries(
          endpoint.rawBody.contentTypes.map((type) => [
            type,
            { schema: { type: "string", format: "binary" } },
          ]),
        ),
      },
    }),
    responses: {
      [String(endpoint.status ?? 200)]: {
        description: "Success",
        ...(endpoint.response && {
          content: { "application/json": { schema: schemas.convert(endpoint.response, "output") } },
        }),
        ...(endpoint.produces && {
          content: Object.fromEntries(
            endpoint.produces.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
          ),
        }),
      },
      ...errorResponses,
    },
  };
}

/** The OpenAPI 3.1 document for the given endpoints, generated from their zod schemas. */
export function buildOpenApiDocument(endpoints: Endpoint[], info: { version: string }) {
  const schemas = new SchemaCollector();
  schemas.convert(errorSchema, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path][endpoint.method.toLowerCase()] = operation(endpoint, schemas);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Cairn API",
      version: info.version,
      description:
        "Collaborative product roadmaps. Authenticate with the session cookie or `Authorization: Bearer <personal API token>`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token from /api/tokens" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: schemas.components,
    },
  };
}
