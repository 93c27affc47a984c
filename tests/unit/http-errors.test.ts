import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { errorResponse, invalidRequest, STATUS_OF, toAppError } from "@/lib/server/http-errors";
import { AppError, type ErrorCode } from "@/lib/services/kernel/errors";

describe("STATUS_OF", () => {
  it("has an entry for every ErrorCode and nothing else (checked by the type checker)", () => {
    expectTypeOf<keyof typeof STATUS_OF>().toEqualTypeOf<ErrorCode>();
  });

  it("maps every code to an HTTP error status", () => {
    for (const [code, status] of Object.entries(STATUS_OF)) {
      expect(Number.isInteger(status), code).toBe(true);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it("uses api.md's statuses", () => {
    const documented: Partial<Record<ErrorCode, number>> = {
      invalid_request: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      invitation_gone: 410,
      version_mismatch: 412,
      payload_too_large: 413,
      last_owner: 422,
      horizon_out_of_range: 422,
      outside_horizon: 422,
      dependency_cycle: 422,
      cross_roadmap: 422,
      precondition_required: 428,
      rate_limited: 429,
      internal: 500,
    };
    for (const [code, status] of Object.entries(documented)) {
      expect(STATUS_OF[code as ErrorCode], code).toBe(status);
    }
  });
});

describe("errorResponse", () => {
  it("answers {error: {code, message}} with the code's status and no-store", async () => {
    const res = errorResponse(new AppError("forbidden", "Ask an owner."));
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: { code: "forbidden", message: "Ask an owner." } });
    expect(res.headers.has("retry-after")).toBe(false);
    expect(res.headers.has("etag")).toBe(false);
  });

  it("includes details when there are some", async () => {
    const details = [{ path: "name", message: "Too long." }];
    const res = errorResponse(new AppError("invalid_request", "Fix the name.", { details }));
    expect(await res.json()).toEqual({
      error: { code: "invalid_request", message: "Fix the name.", details },
    });
  });

  it("sets Retry-After in whole seconds, at least 1", () => {
    const retryAfter = (seconds: number) =>
      errorResponse(new AppError("rate_limited", "Wait.", { retryAfterSeconds: seconds })).headers.get(
        "retry-after",
      );
    expect(retryAfter(42)).toBe("42");
    expect(retryAfter(0)).toBe("1");
    expect(retryAfter(-5)).toBe("1");
  });

  it("carries `current` and its version as ETag for a version mismatch", async () => {
    const current = { id: "t1", name: "Now", version: 7 };
    const res = errorResponse(new AppError("version_mismatch", "Reload.", { current }));
    expect(res.status).toBe(412);
    expect(res.headers.get("etag")).toBe('"7"');
    expect(await res.json()).toEqual({ error: { code: "version_mismatch", message: "Reload." }, current });
  });

  it("sets no ETag when `current` has no numeric version", () => {
    const res = errorResponse(new AppError("version_mismatch", "Reload.", { current: { version: "7" } }));
    expect(res.headers.has("etag")).toBe(false);
  });
});

describe("invalidRequest", () => {
  it("turns zod issues into details with dotted paths and a leading message", () => {
    const schema = z.object({
      team: z.object({ members: z.array(z.object({ role: z.enum(["owner"]) })) }),
      n: z.number(),
    });
    const parsed = schema.safeParse({ team: { members: [{ role: "admin" }] }, n: "1" });
    expect(parsed.success).toBe(false);
    const error = invalidRequest(parsed.error!.issues, "body");
    expect(error.code).toBe("invalid_request");
    expect(error.details).toEqual([
      { path: "team.members.0.role", message: expect.any(String) },
      { path: "n", message: expect.any(String) },
    ]);
    expect(error.message).toMatch(/^The request body is not valid: team\.members\.0\.role: /);
  });

  it("says 'query string' for query problems", () => {
    const parsed = z.object({ runs: z.coerce.number().int() }).safeParse({ runs: "many" });
    expect(invalidRequest(parsed.error!.issues, "query").message).toMatch(/^The query string is not valid/);
  });
});

describe("toAppError", () => {
  it("passes AppErrors through unchanged", () => {
    const error = new AppError("conflict", "Taken.");
    expect(toAppError(error)).toBe(error);
  });

  it("turns anything else into an internal error that says nothing about the cause, and logs the cause", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const cause = new Error('duplicate key value violates unique constraint "users_email_lower_key"');
      const error = toAppError(cause);
      expect(error.code).toBe("internal");
      expect(error.message).not.toMatch(/duplicate|constraint|users/);
      expect(error.details).toBeUndefined();
      expect(log).toHaveBeenCalledWith(expect.any(String), cause);
    } finally {
      log.mockRestore();
    }
  });
});
