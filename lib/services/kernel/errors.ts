/**
 * Typed failures that services throw. lib/server maps each code to an HTTP status in one table;
 * nothing else decides a status.
 */
import type { z } from "zod";

export type ErrorCode =
  | "invalid_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_required"
  | "version_mismatch"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "invitation_gone"
  | "last_owner"
  | "horizon_out_of_range"
  | "outside_horizon"
  | "dependency_cycle"
  | "cross_roadmap"
  | "invalid_reference"
  | "workstream_not_empty"
  | "comment_deleted"
  | "invalid_mention"
  | "not_thread_root"
  | "share_link_gone"
  | "feedback_round_closed"
  | "unsafe_xml"
  | "phase_overlap"
  | "no_gate"
  | "gate_decided"
  | "scenario_conflict"
  | "scenario_closed"
  | "not_a_base"
  | "too_large_for_picture"
  | "invalid_actuals"
  | "not_enough_history"
  | "cross_site_request"
  | "session_required"
  | "insufficient_scope"
  | "incorrect_password"
  | "reset_token_gone"
  | "unsafe_url"
  | "service_busy"
  | "internal";

export interface ErrorDetailsIssue {
  path: string;
  message: string;
}

/** zod issues as api.md's `details`: one {path, message} per problem, the path dotted. */
export function issueDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetailsIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** For version_mismatch: the resource as it is now. */
  readonly current?: unknown;
  /** For rate_limited and service_busy: seconds until a retry may succeed. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { details?: unknown; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = extra.details;
    this.current = extra.current;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export const notFound = (what = "resource") =>
  new AppError("not_found", `The ${what} does not exist, or you do not have access to it.`);

export const versionMismatch = (what: string, current: unknown) =>
  new AppError(
    "version_mismatch",
    `The ${what} was changed by someone else since you loaded it. Review the current version and apply your change again.`,
    { current },
  );

/** True for a PostgreSQL unique violation (23505), on either driver, wrapped by Drizzle or not. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.code === "23505") return true;
    e = e.cause as typeof e;
  }
  return false;
}
