import { LEAKS } from "../leaks";
import type { WireResponse } from "./wire";

const ERROR_KEYS = new Set(["code", "message", "details"]);
const TOP_KEYS = new Set(["error", "current"]);

/**
 * What is wrong with an answer, by api.md: never a 5xx; a refusal is JSON shaped
 * {"error": {code, message, details?}} (plus `current` on 412) and leaks no internals.
 * An empty list: nothing wrong.
 */
export function answerProblems(res: WireResponse): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status}`);
  if (res.status < 400) return problems;

  if (!/\bjson\b/.test(res.headers.get("content-type") ?? "")) {
    problems.push(`a ${res.status} answer is not JSON (content-type ${res.headers.get("content-type")})`);
    return problems;
  }
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    return [...problems, `a ${res.status} answer is not valid JSON`];
  }
  const body = json as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  const extra = Object.keys(body ?? {}).filter((k) => !TOP_KEYS.has(k));
  if (extra.length) problems.push(`unexpected top-level keys ${extra.join(", ")}`);
  const error = body?.error;
  if (!error || typeof error !== "object") return [...problems, "no error object"];
  if (typeof error.code !== "string" || error.code === "") problems.push("error.code is not a string");
  if (typeof error.message !== "string" || error.message.length < 10)
    problems.push("error.message is not a sentence");
  const extraError = Object.keys(error).filter((k) => !ERROR_KEYS.has(k));
  if (extraError.length) problems.push(`unexpected error keys ${extraError.join(", ")}`);
  if (error.code === "invalid_request" && error.details !== undefined) {
    const ok =
      Array.isArray(error.details) &&
      error.details.every(
        (d) => d && typeof d === "object" && typeof d.path === "string" && typeof d.message === "string",
      );
    if (!ok) problems.push("invalid_request details are not a list of {path, message}");
  }
  for (const leak of LEAKS) if (leak.test(res.text)) problems.push(`the answer leaks ${leak}`);
  return problems;
}
