/** How long a new share link lives: a preset number of days, or until the end of a chosen day. */
export type ExpiryChoice = { kind: "days"; days: 7 | 30 | 90 } | { kind: "date"; date: string };

export const EXPIRY_PRESETS = [7, 30, 90] as const;

/** The API accepts links at most a year ahead. */
export const MAX_EXPIRY_DAYS = 365;

/** The plan date `days` after `now` (local calendar), as YYYY-MM-DD: for the date picker's bounds. */
export function localDateAfter(now: Date, days: number): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The expiry timestamp (ISO 8601, UTC) for a choice: a preset counts from now; a date means "until
 * the end of that day" where the editor is. Null when the date is missing or not a real date.
 */
export function expiresAtFor(choice: ExpiryChoice, now: Date): string | null {
  if (choice.kind === "days") return new Date(now.getTime() + choice.days * 86_400_000).toISOString();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(choice.date);
  if (!m) return null;
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}
