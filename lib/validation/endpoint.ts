import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One operation of the JSON API: what it takes and answers. Route handlers are built from these
 * (lib/server/route.ts) and so is the OpenAPI document, so the two cannot drift apart.
 */
export interface Endpoint<
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** OpenAPI style: /api/teams/{teamId} */
  path: string;
  summary: string;
  tag: string;
  /**
   * "none": callable without identity (register, share links). "session": the sign-in cookie only,
   * never a personal API token (token management, password changes: a leaked token must not be
   * able to make itself permanent). Default: an actor is required, session or token.
   */
  auth?: "required" | "none" | "session";
  /**
   * What a personal API token needs to call this: "read" for GET, "write" for any other method,
   * unless said here.
   */
  tokenScope?: "read" | "write";
  body?: Body;
  query?: Query;
  response?: z.ZodType;
  /** Success status, 200 unless said. */
  status?: 200 | 201 | 202 | 204;
  /** PATCH and DELETE of versioned resources: required. */
  ifMatch?: "required" | "optional";
  /**
   * A body the handler reads itself (a file upload), in these media types; not parsed as JSON and
   * not checked against `body`.
   */
  rawBody?: { contentTypes: readonly string[]; description: string };
  /** Media types of a success answer that is not JSON (a file, a calendar feed). */
  produces?: readonly string[];
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Domain error codes this operation may answer, besides the common ones. */
  errors?: readonly string[];
}

/** Keeps the literal types (schemas, ifMatch, auth) so that handlers get precise context types. */
export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint;
}
