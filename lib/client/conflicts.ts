import { ApiError } from "./api";

type Shape = Record<string, "string" | "number" | "array">;

function fits(value: unknown, shape: Shape): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(shape).every(([key, type]) =>
    type === "array" ? Array.isArray(record[key]) : typeof record[key] === type,
  );
}

/**
 * The resource as it is now, from a 412 answer's `current` (sent bare or wrapped as `{[key]: ...}`),
 * recognised by a few fields of its shape. The API's contract says what `current` is; checking it
 * with the full zod response schema would put zod and the contract in the page's JavaScript for a
 * rare answer, so this only makes sure it is the kind of object the caller expects.
 */
export function currentOf<T>(error: unknown, key: string, shape: Shape): T | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = error.current as Record<string, unknown> | undefined;
  if (fits(current, shape)) return current as T;
  const wrapped = current?.[key];
  return fits(wrapped, shape) ? (wrapped as T) : null;
}

/** `details.conflicts` of a 409 as a list of objects of the given shape (others are left out). */
export function listOf<T>(raw: unknown, shape: Shape): T[] {
  return Array.isArray(raw) ? (raw.filter((entry) => fits(entry, shape)) as T[]) : [];
}
