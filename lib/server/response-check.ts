import type { Endpoint } from "@/lib/validation/endpoint";

/**
 * Checks an answer against its endpoint's response schema as the client will receive it (after
 * JSON serialisation: dates become strings, undefined fields vanish). Fields the schema does not
 * declare count as drift too, since zod would otherwise drop them silently. Throws, so the request
 * answers 500 and the log (and the failing test) names the endpoint and every wrong path.
 */
export function checkResponse(endpoint: Endpoint, body: unknown): void {
  if (!endpoint.response) return;
  const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  const parsed = endpoint.response.safeParse(sent);
  const problems = parsed.success
    ? undeclared(sent, parsed.data, "").map((path) => `${path}: not in the response schema`)
    : parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
  if (problems.length === 0) return;
  throw new Error(
    `The answer of ${endpoint.method} ${endpoint.path} does not match its response schema:\n  ${problems
      .slice(0, 20)
      .join("\n  ")}`,
  );
}

/** Paths present in what was sent but dropped by the schema's parse (undeclared object keys). */
function undeclared(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    return sent.flatMap((value, i) => undeclared(value, kept[i], `${at}[${i}]`));
  }
  if (isObject(sent) && isObject(kept)) {
    return Object.entries(sent).flatMap(([key, value]) => {
      const path = at ? `${at}.${key}` : key;
      return key in kept ? undeclared(value, kept[key], path) : [path];
    });
  }
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
