import { onTimeLevel } from "@/components/forecast/milestone-table";

/** At most `max` rows, and how many were left out: tables on a printed page must not spill. */
export function firstRows<T>(rows: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: rows.slice(0, max), more: Math.max(0, rows.length - max) };
}

/** On-time probability in the forecast page's words, so confidence is never told by colour alone. */
export function confidenceWord(probability: number | null): string {
  return probability === null ? "No forecast" : onTimeLevel(probability).label;
}

export function percent(probability: number | null): string {
  return probability === null ? "—" : `${Math.round(probability * 100)}%`;
}
