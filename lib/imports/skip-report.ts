// What an import left out and why, within a fixed budget whatever the file: the first entries in
// full, then only counts per reason, so a file with a hundred thousand problems answers as fast
// and as small as one with two hundred. Pure.

import type { ImportSkip } from "../validation/communication";

/** Entries listed in full; the rest are counted. */
export const LISTED_SKIPS = 200;
/** Distinct reasons counted one by one; further ones are counted together under OTHER_REASONS. */
export const COUNTED_REASONS = 50;
export const OTHER_REASONS = "Other reasons.";

export interface SkipCount {
  reason: string;
  count: number;
}

/** The report as it travels (plain data: it crosses from the parsing worker and into the answer). */
export interface SkipSummary {
  /** The first LISTED_SKIPS entries, in the order they were found. */
  skipped: ImportSkip[];
  /** How many there were in all. */
  skippedTotal: number;
  /** How many per reason, most frequent first. */
  skippedByReason: SkipCount[];
}

/** A user's quoted text varies from entry to entry; the count per reason ignores it. */
const QUOTED = /"[^"\n]*"/g;

export class SkipReport {
  private readonly entries: ImportSkip[] = [];
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(private readonly listed = LISTED_SKIPS) {}

  /** A report that goes on from a summary (the writer adds what it leaves out to the parser's). */
  static continuing(summary: SkipSummary, listed = LISTED_SKIPS): SkipReport {
    const report = new SkipReport(listed);
    report.entries.push(...summary.skipped.slice(0, listed));
    report.total = summary.skippedTotal;
    for (const { reason, count } of summary.skippedByReason) report.counts.set(reason, count);
    return report;
  }

  /**
   * Records one thing left out. `rule` is the reason in general words, for the count per reason;
   * by default the reason itself with any quoted text in it elided.
   */
  add(skip: ImportSkip, rule = skip.reason.replace(QUOTED, '"…"')): void {
    if (this.listing) this.entries.push(skip);
    this.count(rule);
  }

  /**
   * Whether the next entry will be listed in full. Past the listed ones only the count per rule
   * is kept, so a caller with many entries may skip writing their sentences and call count().
   */
  get listing(): boolean {
    return this.entries.length < this.listed;
  }

  /** Records one thing left out without its entry (see listing). */
  count(rule: string): void {
    this.total++;
    const key = this.counts.has(rule) || this.counts.size < COUNTED_REASONS ? rule : OTHER_REASONS;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The entries listed so far (at most LISTED_SKIPS). */
  get listedEntries(): readonly ImportSkip[] {
    return this.entries;
  }

  summary(): SkipSummary {
    return {
      skipped: [...this.entries],
      skippedTotal: this.total,
      skippedByReason: [...this.counts]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count),
    };
  }
}
