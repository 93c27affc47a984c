// The roadmap span an imported plan needs: how many months from its start cover its last date.
// Pure: no framework.

import { horizonEnd, isValidIsoDate } from "../planning/calendar";
import { HORIZON } from "../validation/roadmaps";

/**
 * The smallest horizon (at least 3 months, at most 36) whose last day is on or after latestEnd.
 * Dates past 36 months are left for normalizeDocument to report as outside the horizon.
 */
export function horizonCovering(startDate: string, latestEnd: string | null): number {
  if (!latestEnd || latestEnd < startDate) return HORIZON.min;
  for (let months = HORIZON.min; months < HORIZON.max; months++) {
    if (horizonEnd(startDate, months) >= latestEnd) return months;
  }
  return HORIZON.max;
}

/** "2027-03-14" → "2027-03-01". */
export function firstOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/**
 * A plan date as Cairn stores it: YYYY-MM-DD, also accepting YYYY/MM/DD; null for anything else
 * (day/month order in 03/04/2027 is ambiguous, so such dates are refused rather than guessed).
 */
export function parsePlanDate(raw: string): string | null {
  const text = raw.trim();
  if (!/^\d{4}[-/]\d{2}[-/]\d{2}$/.test(text) || text[4] !== text[7]) return null;
  const iso = text.replaceAll("/", "-");
  return isValidIsoDate(iso) ? iso : null;
}
