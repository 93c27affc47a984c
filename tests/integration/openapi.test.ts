import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { allEndpoints } from "@/lib/validation/endpoints";
import { buildOpenApiDocument } from "@/lib/validation/openapi";
import { ROUTES, type LooseJson } from "../helpers/api";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const API_DIR = path.join(process.cwd(), "app", "api");

/** Every app/api/**\/route.ts except Auth.js's, with its API path in OpenAPI style. */
function routeFilesOnDisk(dir = API_DIR): { file: string; apiPath: string }[] {
  const found: { file: string; apiPath: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("[...") || entry.name.startsWith("[[...")) continue;
      found.push(...routeFilesOnDisk(full));
    } else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      const segments = path.relative(path.join(process.cwd(), "app"), dir).split(path.sep);
      const apiPath =
        "/" +
        segments
          .filter((s) => !/^\(.*\)$/.test(s)) // route groups are not part of the URL
          .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))
          .join("/");
      found.push({ file: full, apiPath });
    }
  }
  return found;
}

const operationKey = (method: string, apiPath: string) => `${method.toUpperCase()} ${apiPath}`;
const specified = new Set(allEndpoints.map((e) => operationKey(e.method, e.path)));

describe("route files and endpoint specs", () => {
  let implemented: Set<string>;

  beforeAll(async () => {
    implemented = new Set();
    for (const { file, apiPath } of routeFilesOnDisk()) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (method in mod) {
          expect(typeof mod[method], `${method} in ${file}`).toBe("function");
          implemented.add(operationKey(method, apiPath));
        }
      }
    }
  });

  it("finds the route files (the walk itself works)", () => {
    expect(implemented).toContain("POST /api/register");
    expect(implemented).toContain("PATCH /api/teams/{teamId}/members/{userId}");
    expect([...implemented].some((k) => k.includes("nextauth"))).toBe(false);
  });

  it("every exported HTTP method of every route file has an endpoint spec with the same path", () => {
    expect([...implemented].filter((k) => !specified.has(k)).sort()).toEqual([]);
  });

  it("every endpoint spec has a route file exporting its method", () => {
    expect([...specified].filter((k) => !implemented.has(k)).sort()).toEqual([]);
  });

  it("the test helpers' ROUTES table names every endpoint spec, and nothing else", () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...specified].sort());
  });

  it("no two endpoint specs claim the same method and path", () => {
    expect(specified.size).toBe(allEndpoints.length);
  });
});

/**
 * The document GET /api/openapi.json serves (authorization-matrix.test.ts checks that the route
 * answers exactly this, through a database; here no database is needed).
 */
describe("the OpenAPI document", () => {
  const doc: LooseJson = JSON.parse(JSON.stringify(buildOpenApiDocument(allEndpoints, { version: "1.0.0" })));

  it("is an OpenAPI 3.1.x document", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it("has every path and method of allEndpoints, and nothing else", () => {
    const documented: string[] = [];
    for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) documented.push(operationKey(method, p));
    }
    expect(documented.sort()).toEqual([...specified].sort());
  });

  it("describes each operation as its spec says: summary, success status, body, path parameters, If-Match", () => {
    for (const endpoint of allEndpoints) {
      const op = doc.paths[endpoint.path][endpoint.method.toLowerCase()];
      const where = operationKey(endpoint.method, endpoint.path);
      expect(op.summary, where).toBe(endpoint.summary);
      expect(Object.keys(op.responses), where).toContain(String(endpoint.status ?? 200));
      expect(Boolean(op.requestBody), where).toBe(Boolean(endpoint.body || endpoint.rawBody));
      const pathParams = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const parameters = op.parameters as { name: string; in: string; required: boolean }[];
      expect(
        parameters.filter((p) => p.in === "path").map((p) => p.name),
        where,
      ).toEqual(pathParams);
      const ifMatch = parameters.find((p) => p.in === "header" && p.name === "If-Match");
      if (endpoint.ifMatch === "required") {
        expect(ifMatch?.required, where).toBe(true);
        expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(["412", "428"]));
      } else {
        expect(ifMatch?.required ?? false, where).toBe(false);
      }
      if (endpoint.auth === "none") expect(op.security, where).toEqual([]);
    }
  });

  it("has unique operationIds", () => {
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (item) => Object.values(item).map((op) => op.operationId),
    );
    expect(ids).toHaveLength(allEndpoints.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("takes request schemas from the zod schemas (register: password of at least 10 characters)", () => {
    const schema = doc.paths["/api/register"].post.requestBody.content["application/json"].schema;
    expect(schema.required.sort()).toEqual(["email", "name", "password"]);
    expect(schema.properties.password.minLength).toBe(10);
    const invite =
      doc.paths["/api/teams/{teamId}/invitations"].post.requestBody.content["application/json"].schema;
    expect(invite.properties.role.enum.sort()).toEqual(["commenter", "editor", "owner", "viewer"]);
  });

  it("every $ref resolves from the document root", () => {
    const refs = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "$ref" && typeof value === "string") refs.add(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.size).toBeGreaterThan(0);
    const resolve = (ref: string): unknown => {
      if (!ref.startsWith("#/")) return undefined;
      let node: unknown = doc;
      for (const raw of ref.slice(2).split("/")) {
        const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
        node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
      }
      return node;
    };
    expect([...refs].filter((ref) => resolve(ref) === undefined).sort()).toEqual([]);
  });
});
