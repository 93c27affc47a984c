import type { Database } from "@/db/types";
import { roadmapToMarkdown } from "@/lib/exports/markdown-brief";
import { roadmapToCsv } from "@/lib/exports/roadmap-csv";
import type { ExportFormat } from "@/lib/validation/communication";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import type { Actor } from "@/lib/services/kernel/actor";
import { scheduleOf } from "@/lib/services/roadmaps/board";
import { roadmapCalendar } from "@/lib/services/roadmaps/calendar";
import { loadDependencies } from "@/lib/services/dependencies/edges";
import { loadItems } from "@/lib/services/items/rows";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRoadmapDocument } from "@/lib/services/roadmaps/document";
import { toRoadmap } from "@/lib/services/roadmaps/rows";
import { slugify } from "@/lib/services/kernel/slug";

/** A file to download: its text, media type and Content-Disposition. */
export interface ExportFile {
  body: string;
  contentType: string;
  contentDisposition: string;
}

const MEDIA_TYPE: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
};

/** Like slugify, but keeping letters and digits of every script: "Feuille de route été" -> "feuille-de-route-été". */
function unicodeSlug(title: string): string {
  return title
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/**
 * RFC 6266: `filename` in ASCII for every client, and for a title with other characters also
 * `filename*` in UTF-8 (RFC 8187), which current browsers prefer.
 */
export function attachmentDisposition(title: string, date: string, extension: string): string {
  const ascii = `${slugify(title) || "roadmap"}-${date}.${extension}`;
  if (/^[\x20-\x7e]*$/.test(title)) return `attachment; filename="${ascii}"`;
  const unicode = `${unicodeSlug(title) || "roadmap"}-${date}.${extension}`;
  // encodeURIComponent leaves ' ( ) * ! as they are; RFC 8187's attr-char excludes ' ( ) *.
  const encoded = encodeURIComponent(unicode).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The Markdown brief: the document plus the CPM's finish and critical path (item ids, in order). */
async function markdownBrief(db: Database, roadmap: RoadmapRow, document: RoadmapDocument, now: Date) {
  const items = await loadItems(db, roadmap.id);
  const dependencies = await loadDependencies(db, roadmap.id, new Set(items.map((i) => i.id)));
  const schedule = scheduleOf({ roadmap: toRoadmap(roadmap), items, dependencies });
  return roadmapToMarkdown(document, {
    projectFinish: schedule.projectFinish,
    criticalPath: schedule.criticalPath,
    generatedAt: now.toISOString(),
  });
}

async function exportBody(
  db: Database,
  roadmap: RoadmapRow,
  format: ExportFormat,
  now: Date,
): Promise<string> {
  if (format === "ics") return roadmapCalendar(db, roadmap, now);
  const document = await loadRoadmapDocument(db, roadmap, now);
  switch (format) {
    case "json":
      return `${JSON.stringify(document, null, 2)}\n`;
    case "csv":
      return roadmapToCsv(document);
    case "md":
      return markdownBrief(db, roadmap, document, now);
  }
}

/**
 * The roadmap as a file (viewer and above): the lossless JSON document, its items as CSV, a
 * Markdown brief, or its reviews and key milestones as iCalendar, named after the title and day.
 */
export async function exportRoadmap(
  db: Database,
  actor: Actor,
  roadmapId: string,
  format: ExportFormat,
  now: Date = new Date(),
): Promise<ExportFile> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return {
    body: await exportBody(db, roadmap, format, now),
    contentType: MEDIA_TYPE[format],
    contentDisposition: attachmentDisposition(roadmap.title, now.toISOString().slice(0, 10), format),
  };
}
