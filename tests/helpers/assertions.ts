import { expect } from "vitest";
import type { ApiResponse } from "./api";
import { LEAKS } from "./leaks";

/** api.md's error shape, the status that goes with the code, and nothing leaked. */
export function expectApiError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.json?.error?.code }).toEqual({ status, code });
  expect(res.headers.get("content-type")).toContain("application/json");
  const allowed = new Set(["error", "current"]);
  expect(Object.keys(res.json).filter((k) => !allowed.has(k))).toEqual([]);
  const { error } = res.json;
  expect(Object.keys(error).filter((k) => !["code", "message", "details"].includes(k))).toEqual([]);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(10);
  for (const leak of LEAKS) expect(res.text).not.toMatch(leak);
}

/** A 400 whose details list {path, message} per problem; returns the paths. */
export function expectInvalidRequest(res: ApiResponse): string[] {
  expectApiError(res, 400, "invalid_request");
  const details = res.json.error.details as { path: unknown; message: unknown }[];
  expect(Array.isArray(details)).toBe(true);
  expect(details.length).toBeGreaterThan(0);
  for (const d of details) {
    expect(Object.keys(d).sort()).toEqual(["message", "path"]);
    expect(typeof d.path).toBe("string");
    expect(typeof d.message).toBe("string");
  }
  return details.map((d) => d.path as string);
}
