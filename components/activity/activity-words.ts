import type { FieldChange } from "./activity-description";

/** Small word helpers shared by the activity describers. */

/** A recorded value when it is a non-empty string, else null. */
export const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One line of at most `max` characters, with an ellipsis when cut. */
export function shorten(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The rest of a description that lists no fields and quotes nothing. */
export const none = { fields: [] as FieldChange[], excerpt: null };
