// What the normalising steps share: where things are in the file, the skip report, the horizon.
// Pure: no framework.

import type { RoadmapDocument } from "../validation/roadmap-document";
import type { SkipReport } from "./skip-report";

/** Where a thing sits in the original file, for the skip report ("line 12", "task 41"). */
export interface Locator {
  item(id: string, index: number): string;
  workstream(id: string, index: number): string;
  /** The link's position in the document's dependency list. */
  dependency(index: number, dependency: RoadmapDocument["dependencies"][number]): string;
}

/** JSON-path style, as the document's own shape: items[3], workstreams[0], dependencies[7]. */
export const DOCUMENT_LOCATOR: Locator = {
  item: (_id, index) => `items[${index}]`,
  workstream: (_id, index) => `workstreams[${index}]`,
  dependency: (index) => `dependencies[${index}]`,
};

/** Shared by the normalising steps: the skip report and the horizon items must lie in. */
export interface NormalizeContext {
  skipped: SkipReport;
  /** `rule`: the reason in general words, when the reason names things of the file (skip-report.ts). */
  skip(where: string, what: string, reason: string, rule?: string): void;
  startDate: string;
  endDate: string;
  locate: Locator;
}

/** A user's text in a skip sentence, quoted and cut short. */
export const quoted = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}...` : s}"`;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** An owner is named by email so that the server can find the member; anything else is dropped. */
export function normalizeEmail(email: string | null, where: string, what: string, ctx: NormalizeContext) {
  const value = email?.trim() ?? "";
  if (!value) return null;
  if (EMAIL.test(value)) return value;
  ctx.skip(
    where,
    what,
    `${quoted(value)} is not an email address, so no owner was set.`,
    "An owner is not an email address, so no owner was set.",
  );
  return null;
}
