import "server-only";
import type { z } from "zod";
import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import type { Endpoint } from "@/lib/validation/endpoint";
import { requireActor, resolveActor } from "./actor";
import { refuseCrossSiteWrite } from "./cross-site";
import { database } from "./database";
import { checkIdentityAllows } from "./identity-rules";
import { errorResponse, invalidRequest, toAppError } from "./http-errors";
import { checkResponse } from "./response-check";
import { MAX_JSON_BODY_BYTES, parseIfMatch, readJsonBody, readQuery } from "./request-body";
import { isUuid } from "./uuid";

export interface RouteContext<E extends Endpoint> {
  req: Request;
  db: Database;
  actor: E extends { auth: "none" } ? Actor | null : Actor;
  body: E extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
  query: E extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
  params: Record<string, string>;
  /** The version named by If-Match; always set when the endpoint requires it. */
  ifMatch: E extends { ifMatch: "required" } ? number : number | undefined;
}

/**
 * The JSON body an endpoint answers with: its response schema's shape, with literal types widened
 * (`true` to boolean, "owner" to string). TypeScript widens literals returned by a handler while it
 * infers the endpoint's type, so `{ ok: true }` would not type-check against `z.literal(true)`; the
 * exact values are still checked at run time in development and tests (response-check.ts).
 */
export type ResponseBody<E extends Endpoint> = E["response"] extends z.ZodType
  ? WidenLiterals<z.input<E["response"]>>
  : unknown;

type WidenLiterals<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer U)[]
        ? WidenLiterals<U>[]
        : T extends object
          ? { [K in keyof T]: WidenLiterals<T[K]> }
          : T;

/** What a handler returns: a ready Response, or data to send as JSON with the endpoint's status. */
export type HandlerResult<E extends Endpoint = Endpoint> =
  Response | { body: ResponseBody<E>; version?: number; headers?: HeadersInit };

/**
 * Answers are parsed against their endpoint's response schema in development and tests, so a shape
 * that drifts from the contract fails a test; production sends them as they are (no cost per call).
 */
const CHECK_RESPONSES = process.env.NODE_ENV !== "production";

type NextRouteContext = { params: Promise<Record<string, string>> };

/** Ids in the path that are not UUIDs name nothing: 404 rather than a database error. */
function checkParams(params: Record<string, string>) {
  for (const [key, value] of Object.entries(params)) {
    if ((key === "id" || key.endsWith("Id")) && !isUuid(value)) throw notFound();
  }
}

/**
 * The one path every API request takes: identify the caller, parse input with the endpoint's zod
 * schemas, run the handler, and turn any failure into api.md's error shape.
 */
export function route<E extends Endpoint>(
  endpoint: E,
  handler: (ctx: RouteContext<E>) => Promise<HandlerResult<E>>,
): (req: Request, ctx: NextRouteContext) => Promise<Response> {
  return async (req, nextCtx) => {
    try {
      const params = (await nextCtx?.params) ?? {};
      const { db } = await database();
      const actor = endpoint.auth === "none" ? await resolveActor(db, req) : await requireActor(db, req);
      if (actor?.via === "session") refuseCrossSiteWrite(req, endpoint, publicOrigin(req));
      checkIdentityAllows(endpoint, req.method, actor);
      checkParams(params);

      const ifMatch = parseIfMatch(req);
      if (endpoint.ifMatch === "required" && ifMatch === undefined) {
        throw new AppError(
          "precondition_required",
          'This change needs an If-Match header with the version you read (e.g. If-Match: "3"), so that nobody\'s edit is overwritten.',
        );
      }

      let body: unknown;
      if (endpoint.body) {
        const parsed = endpoint.body.safeParse(
          await readJsonBody(req, endpoint.maxBodyBytes ?? MAX_JSON_BODY_BYTES),
        );
        if (!parsed.success) throw invalidRequest(parsed.error.issues, "body");
        body = parsed.data;
      }

      let query: unknown;
      if (endpoint.query) {
        const parsed = endpoint.query.safeParse(readQuery(req));
        if (!parsed.success) throw invalidRequest(parsed.error.issues, "query");
        query = parsed.data;
      }

      const result = await handler({ req, db, actor, body, query, params, ifMatch } as RouteContext<E>);
      if (result instanceof Response) return result;
      if (CHECK_RESPONSES && endpoint.response) checkResponse(endpoint, result.body);
      const headers = new Headers(result.headers);
      headers.set("cache-control", "no-store");
      if (result.version !== undefined) headers.set("etag", `"${result.version}"`);
      return Response.json(result.body, { status: endpoint.status ?? 200, headers });
    } catch (error) {
      // The client went away (its request's signal aborted, e.g. a picture's worker was ended for
      // it): nobody reads this answer, and the abort is not a failure worth a log line.
      if (req.signal?.aborted && !(error instanceof AppError)) return new Response(null, { status: 499 });
      return errorResponse(toAppError(error));
    }
  };
}

/** The origin people reach the app at, for links in answers (invitations, share links). */
export function publicOrigin(req: Request): string {
  if (process.env.AUTH_URL) return new URL(process.env.AUTH_URL).origin;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? "http";
  return host ? `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}` : new URL(req.url).origin;
}
