/** Words for a dashboard's figures that do not depend on the locale. */

/** "5 days later", "3 days earlier", "unchanged" for a signed shift in calendar days. */
export function shiftText(days: number): string {
  if (days === 0) return "unchanged";
  const n = Math.abs(days);
  return `${n} ${n === 1 ? "day" : "days"} ${days > 0 ? "later" : "earlier"}`;
}

/** Calendar days from `from` to `to` (YYYY-MM-DD), later positive. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
