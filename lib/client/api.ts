import type { z } from "zod";
import type { Endpoint, HttpMethod } from "@/lib/validation/endpoint";
import type { EndpointOf, Route } from "@/lib/validation/route-types";

/** One {path, message} per problem, as api.md's 400 `details`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A failed API call, parsed from api.md's `{error: {code, message, details}}` shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  /** For 412 version_mismatch: the resource as it is now. */
  readonly current?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { details?: unknown; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = extra.details;
    this.current = extra.current;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  /** The 400 problems as a list (empty for other errors). */
  get issues(): FieldIssue[] {
    if (this.status !== 400 || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === "object" && d !== null && typeof (d as FieldIssue).message === "string",
    );
  }
}

const NETWORK_MESSAGE = "Could not reach Cairn. Check your connection and try again.";
const UNKNOWN_MESSAGE = "Something went wrong on our side. Try again; if it keeps happening, tell us.";

export function networkError(): ApiError {
  return new ApiError(0, "network", NETWORK_MESSAGE);
}

/** Turns a non-2xx response into an ApiError, whatever its body looks like. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown; details?: unknown };
    current?: unknown;
  } | null;
  const retryAfter = Number(res.headers.get("retry-after"));
  const error = body?.error;
  return new ApiError(
    res.status,
    typeof error?.code === "string" ? error.code : `http_${res.status}`,
    typeof error?.message === "string" ? error.message : UNKNOWN_MESSAGE,
    {
      details: error?.details,
      current: body?.current,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    },
  );
}

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  /** The version you read; sent as If-Match: "<version>". */
  ifMatch?: number;
  signal?: AbortSignal;
}

/**
 * Fetches with the browser's session cookie and answers only a successful response: an abort is
 * rethrown as it is (the caller cancelled), no connection becomes networkError(), and a non-2xx
 * answer becomes its ApiError. Every call to the API goes through here.
 */
export async function sendRequest(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: "same-origin" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  if (!res.ok) throw await errorFromResponse(res);
  return res;
}

/** Calls the JSON API with the browser's session cookie; throws ApiError on failure. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers = new Headers({ accept: "application/json" });
  // Every write says JSON, even without a body: the server refuses other cookie-borne writes as
  // possibly cross-site (api.md, "Security conventions").
  if (options.body !== undefined || method !== "GET") headers.set("content-type", "application/json");
  if (options.ifMatch !== undefined) headers.set("if-match", `"${options.ifMatch}"`);
  const res = await sendRequest(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParams<Rest>
  : never;

type ResponseOf<E extends Endpoint> = E extends { response: infer R extends z.ZodType }
  ? z.output<R>
  : unknown;

/** What a route answers, typed by its endpoint's response schema. */
export type EndpointResponse<R extends Route> = ResponseOf<EndpointOf<R>>;

type ArgsOf<E extends Endpoint> = ([PathParams<E["path"]>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<E["path"]>, string> }) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined }) &
  (E extends { query: infer Q extends z.ZodType } ? { query?: Partial<z.input<Q>> } : { query?: undefined }) &
  (E extends { ifMatch: "required" } ? { ifMatch: number } : { ifMatch?: number }) & { signal?: AbortSignal };

/** What a route takes: path parameters, body, query and If-Match, typed by its endpoint. */
export type EndpointArgs<R extends Route> = ArgsOf<EndpointOf<R>>;

/** `?a=1&b=x` from the defined values (undefined and null are left out), or "". */
export function queryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * Calls one operation described in lib/validation/endpoints, through its route
 * (lib/validation/routes.ts: the method and path without the zod schemas, which stay on the server).
 * The types come from the same definition the route handler is built from, so the two cannot drift.
 */
export function callEndpoint<R extends Route>(
  endpoint: R,
  args: EndpointArgs<R>,
): Promise<EndpointResponse<R>> {
  const params = (args.params ?? {}) as Record<string, string>;
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ""),
  );
  return apiRequest<EndpointResponse<R>>(
    path + queryString(args.query as Record<string, unknown> | undefined),
    {
      method: endpoint.method,
      body: args.body,
      ifMatch: args.ifMatch,
      signal: args.signal,
    },
  );
}

/** A sentence to show for any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return UNKNOWN_MESSAGE;
}
