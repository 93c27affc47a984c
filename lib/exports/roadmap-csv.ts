// The roadmap's items as a CSV file, one row per item, in the columns the CSV importer reads back
// (lib/imports/csv-plan.ts). Pure.

import type { RoadmapDocument } from "../validation/roadmap-document";
import { toCsv, type CsvCell } from "./csv-writer";

export const ROADMAP_CSV_COLUMNS = [
  "id",
  "type",
  "title",
  "workstream",
  "start",
  "end",
  "status",
  "key",
  "outcome",
  "optimistic_hours",
  "likely_hours",
  "pessimistic_hours",
  "skills",
  "owner",
  "depends_on",
] as const;

/** "id", "id+3" or "id-2": the predecessor and the lag in working days. */
export function formatDependency(fromId: string, lagDays: number): string {
  if (lagDays === 0) return fromId;
  return `${fromId}${lagDays > 0 ? "+" : ""}${lagDays}`;
}

/** UTF-8 with a byte order mark, so that Excel shows accented names correctly. */
export function roadmapToCsv(document: RoadmapDocument): string {
  const laneName = new Map(document.workstreams.map((w) => [w.id, w.name]));
  const predecessors = new Map<string, string[]>();
  for (const d of document.dependencies) {
    const list = predecessors.get(d.toId) ?? [];
    list.push(formatDependency(d.fromId, d.lagDays));
    predecessors.set(d.toId, list);
  }
  const rows: CsvCell[][] = document.items.map((item) => [
    item.id,
    item.kind,
    item.title,
    item.workstreamId ? (laneName.get(item.workstreamId) ?? null) : null,
    item.startDate,
    item.endDate,
    item.status,
    item.isKey ? "yes" : "no",
    item.outcome,
    item.estimate?.optimisticHours,
    item.estimate?.likelyHours,
    item.estimate?.pessimisticHours,
    item.skills.map((s) => `${s.skill}:${s.hours}`).join("; "),
    item.owner,
    (predecessors.get(item.id) ?? []).join("; "),
  ]);
  return toCsv([[...ROADMAP_CSV_COLUMNS], ...rows], { bom: true });
}
