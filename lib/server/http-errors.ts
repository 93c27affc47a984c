import type { z } from "zod";
import { AppError, issueDetails, type ErrorCode } from "@/lib/services/kernel/errors";

/** The one table that turns an error code into an HTTP status (api.md, "Errors"). */
export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  cross_site_request: 403,
  session_required: 403,
  insufficient_scope: 403,
  // A failed re-authentication (password change): refused like any 403, not 401, which would mean
  // "no valid session" and sign the browser out.
  incorrect_password: 403,
  not_found: 404,
  conflict: 409,
  invitation_gone: 410,
  share_link_gone: 410,
  reset_token_gone: 410,
  precondition_required: 428,
  version_mismatch: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  last_owner: 422,
  horizon_out_of_range: 422,
  outside_horizon: 422,
  dependency_cycle: 422,
  cross_roadmap: 422,
  invalid_reference: 422,
  workstream_not_empty: 422,
  comment_deleted: 422,
  invalid_mention: 422,
  not_thread_root: 422,
  feedback_round_closed: 422,
  unsafe_xml: 422,
  phase_overlap: 422,
  no_gate: 422,
  not_a_base: 422,
  too_large_for_picture: 422,
  invalid_actuals: 422,
  not_enough_history: 422,
  unsafe_url: 422,
  gate_decided: 409,
  scenario_conflict: 409,
  scenario_closed: 409,
  internal: 500,
  service_busy: 503,
};

export function errorResponse(error: AppError): Response {
  const body: Record<string, unknown> = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
    },
  };
  if (error.current !== undefined) body.current = error.current;
  const headers = new Headers({ "cache-control": "no-store" });
  if (error.retryAfterSeconds !== undefined)
    headers.set("retry-after", String(Math.max(1, error.retryAfterSeconds)));
  const version = (error.current as { version?: unknown } | undefined)?.version;
  if (typeof version === "number") headers.set("etag", `"${version}"`);
  return Response.json(body, { status: STATUS_OF[error.code], headers });
}

/** An invalid body or query string, its zod issues as api.md's `details`. */
export function invalidRequest(issues: z.core.$ZodIssue[], where: "body" | "query"): AppError {
  const details = issueDetails(issues);
  const first = details[0];
  const prefix = where === "query" ? "The query string is not valid" : "The request body is not valid";
  return new AppError(
    "invalid_request",
    first ? `${prefix}: ${first.path ? `${first.path}: ` : ""}${first.message}` : `${prefix}.`,
    { details },
  );
}

/** Anything that is not an AppError becomes a 500 that reveals nothing; the log keeps the cause. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  console.error("Unhandled error in a request:", error);
  return new AppError(
    "internal",
    "Something went wrong on our side. Try again; if it keeps happening, tell us.",
  );
}
