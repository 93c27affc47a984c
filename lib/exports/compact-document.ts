// A roadmap document in a compact, tabular form for storage (a snapshot's packed bytes): each list
// of records (lanes, items, links, risks, phases) as its field names once and one array of values
// per record, the rest as it is. At 10,000 items the field names are a third of the JSON; without
// them the text is smaller to write, compress and parse. Lossless: unpacking gives the same document.
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";

export const COMPACT_DOCUMENT_FORMAT = "cairn.roadmap.compact";
export const COMPACT_DOCUMENT_VERSION = 1;

/** A list of records as one header of field names and a row of values per record. */
interface Table {
  fields: string[];
  rows: unknown[][];
}

export interface CompactDocument {
  format: typeof COMPACT_DOCUMENT_FORMAT;
  version: typeof COMPACT_DOCUMENT_VERSION;
  /** The document's member names in their order, so that unpacking keeps it. */
  members: string[];
  /** The document's members that are not tabulated, as they are. */
  head: Record<string, unknown>;
  /** The tabulated lists, by the document's member name. */
  tables: Record<string, Table>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A list whose records all carry the same fields in the same order, as a table; anything else
 * (an empty list, a list of mixed shapes) is null and stays in the head as it is.
 */
function tabulate(list: unknown[]): Table | null {
  if (list.length === 0 || !list.every(isRecord)) return null;
  const fields = Object.keys(list[0]);
  const rows: unknown[][] = [];
  for (const record of list as Record<string, unknown>[]) {
    const keys = Object.keys(record);
    if (keys.length !== fields.length || keys.some((key, i) => key !== fields[i])) return null;
    // A field set to undefined is absent once written as JSON: a table cannot say so.
    if (keys.some((key) => record[key] === undefined)) return null;
    rows.push(fields.map((field) => record[field]));
  }
  return { fields, rows };
}

function untabulate({ fields, rows }: Table): Record<string, unknown>[] {
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) record[fields[i]] = row[i];
    return record;
  });
}

export function toCompactDocument(document: RoadmapDocument): CompactDocument {
  const head: Record<string, unknown> = {};
  const tables: Record<string, Table> = {};
  for (const [name, value] of Object.entries(document)) {
    const table = Array.isArray(value) ? tabulate(value) : null;
    if (table) tables[name] = table;
    else head[name] = value;
  }
  return {
    format: COMPACT_DOCUMENT_FORMAT,
    version: COMPACT_DOCUMENT_VERSION,
    members: Object.keys(document),
    head,
    tables,
  };
}

export function isCompactDocument(value: unknown): value is CompactDocument {
  return isRecord(value) && value.format === COMPACT_DOCUMENT_FORMAT && isRecord(value.tables);
}

export function fromCompactDocument(compact: CompactDocument): RoadmapDocument {
  if (compact.version !== COMPACT_DOCUMENT_VERSION)
    throw new Error(`Unknown compact document version ${String(compact.version)}.`);
  const document: Record<string, unknown> = {};
  for (const name of compact.members) {
    const table = compact.tables[name];
    document[name] = table ? untabulate(table) : compact.head[name];
  }
  return document as RoadmapDocument;
}
