// What every importer produces, and the failures that refuse a whole file. Pure: no framework.
import type { ImportSkip } from "../validation/communication";
import type { RoadmapDocument } from "../validation/roadmap-document";
import type { SkipSummary } from "./skip-report";

export type { ImportSkip };

export type ImportSource = "json" | "csv" | "mspdi";

/**
 * A file turned into a roadmap document that passes every domain rule (milestones with outcomes,
 * dates inside the horizon, no loops, links between present items), and what was left out and why
 * (the first entries, and counts per reason: skip-report.ts). The server only resolves names
 * (skills, owners' emails) and writes it. Plain data, so that it can leave the parsing worker.
 */
export interface ImportParse extends SkipSummary {
  source: ImportSource;
  document: RoadmapDocument;
}

/** The file cannot be read at all (malformed CSV, XML or JSON): 400 invalid_request. */
export class ImportFormatError extends Error {
  /** Where the problem is: "line 3", "line 7, column 12", "items[4].startDate". */
  readonly where: string;
  constructor(where: string, message: string) {
    super(message);
    this.name = "ImportFormatError";
    this.where = where;
  }
}

/** XML with a DOCTYPE or entity declarations (XXE, billion laughs): refused, 422 unsafe_xml. */
export class UnsafeXmlError extends Error {
  constructor(message = "The XML declares a DOCTYPE or entities; Cairn does not read those, for safety.") {
    super(message);
    this.name = "UnsafeXmlError";
  }
}

/**
 * The file passes one of the fixed budgets every import keeps (rows, tasks, links, XML elements,
 * attribute or text length): 413 payload_too_large, with a message that names the budget.
 */
export class ImportLimitError extends ImportFormatError {
  constructor(where: string, message: string) {
    super(where, message);
    this.name = "ImportLimitError";
  }
}
