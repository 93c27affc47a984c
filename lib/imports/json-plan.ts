// Cairn's own JSON export read back: the document's shape is checked strictly (a file of the
// wrong shape is refused), then the domain rules are applied like for every other format. Pure.

import { roadmapDocumentSchema } from "../validation/roadmap-document";
import { normalizeDocument } from "./normalize";
import { ImportFormatError, ImportLimitError, type ImportParse } from "./types";

const LISTED_ISSUES = 5;

/** The document schema's own caps, checked first so that an oversized file gets one clear sentence. */
const JSON_CAPS = [
  ["items", 20_000],
  ["dependencies", 100_000],
  ["risks", 5_000],
  ["workstreams", 1_000],
] as const;

function checkCaps(value: unknown) {
  if (typeof value !== "object" || value === null) return;
  for (const [list, max] of JSON_CAPS) {
    const entries = (value as Record<string, unknown>)[list];
    if (Array.isArray(entries) && entries.length > max)
      throw new ImportLimitError(
        list,
        `The file has ${entries.length.toLocaleString("en")} ${list}; Cairn imports at most ${max.toLocaleString("en")} at once. Split the plan.`,
      );
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}

/** PostgreSQL text cannot hold U+0000, so such a document is refused here rather than failing on write. */
function holdsNul(value: unknown): boolean {
  let found = false;
  JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string" && v.includes("\u0000")) found = true;
    return v;
  });
  return found;
}

export function parseJsonPlan(value: unknown, options: { title?: string } = {}): ImportParse {
  checkCaps(value);
  const parsed = roadmapDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const listed = issues
      .slice(0, LISTED_ISSUES)
      .map((issue) => `${pathText(issue.path) || "the document"}: ${issue.message}`);
    const more = issues.length > LISTED_ISSUES ? ` (and ${issues.length - LISTED_ISSUES} more)` : "";
    throw new ImportFormatError(
      pathText(issues[0].path) || "the document",
      `This is not a Cairn roadmap export: ${listed.join("; ")}${more}.`,
    );
  }
  const document = parsed.data;
  if (holdsNul(document))
    throw new ImportFormatError(
      "the document",
      "The file's text holds NUL characters (\\u0000), which Cairn cannot store.",
    );
  const title = options.title?.trim();
  return normalizeDocument(
    title ? { ...document, roadmap: { ...document.roadmap, title } } : document,
    "json",
  );
}
