// A one-page Markdown brief of a roadmap for people who will not open the app: horizon, counts,
// key milestones, each lane's items, the top risks and the critical path. Pure: the schedule facts
// and the clock come from the caller. Dates stay YYYY-MM-DD: a file has no reader's locale.

import { horizonEnd } from "../planning/calendar";
import type { DocumentItem, RoadmapDocument } from "../validation/roadmap-document";

export interface BriefFacts {
  projectFinish: string;
  /** Item ids in order. */
  criticalPath: string[];
  /** ISO timestamp. */
  generatedAt: string;
}

const TOP_RISKS = 5;
const CONTINGENCY_SCORE = 15;
const STATUS_LABEL: Record<DocumentItem["status"], string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  at_risk: "At risk",
  cut: "Cut",
};

/**
 * User text made inert: Markdown's specials are backslash-escaped so that a title cannot break a
 * table (|), start emphasis, code, a link or a heading, or inject HTML (<, >); line breaks become
 * spaces so that a cell stays on its row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/\s*(?:\r\n|\r|\n)\s*/g, " ")
    .replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`)
    .trim();
}

const table = (header: string[], rows: string[][]) => [
  `| ${header.join(" | ")} |`,
  `|${header.map(() => " --- |").join("")}`,
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(document: RoadmapDocument, facts: BriefFacts): string[] {
  const { items, risks } = document;
  const milestones = items.filter((i) => i.kind === "milestone");
  const byStatus = (Object.keys(STATUS_LABEL) as DocumentItem["status"][])
    .map((s) => [STATUS_LABEL[s].toLowerCase(), items.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  const open = risks.filter((r) => r.status !== "closed");
  const needPlan = open.filter((r) => r.likelihood * r.impact >= CONTINGENCY_SCORE && !r.contingency?.trim());
  return [
    "## Summary",
    "",
    `- ${plural(items.length, "item")}: ${plural(items.length - milestones.length, "feature")}, ${plural(milestones.length, "milestone")} (${milestones.filter((m) => m.isKey).length} key)`,
    ...(byStatus.length ? [`- Status: ${byStatus.join(", ")}`] : []),
    `- Projected finish: ${escapeMarkdown(facts.projectFinish)}`,
    `- ${plural(open.length, "open risk")}${needPlan.length ? `, ${needPlan.length} without the contingency plan ${needPlan.length === 1 ? "its" : "their"} score calls for` : ""}`,
  ];
}

function keyMilestones(items: DocumentItem[]): string[] {
  const milestones = items
    .filter((i) => i.kind === "milestone")
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const key = milestones.filter((m) => m.isKey);
  const shown = key.length ? key : milestones;
  if (!shown.length) return ["## Key milestones", "", "No milestones yet."];
  return [
    "## Key milestones",
    "",
    ...(key.length ? [] : ["No milestone is marked key; all milestones are listed.", ""]),
    ...table(
      ["Date", "Milestone", "Outcome", "Status"],
      shown.map((m) => [
        m.startDate,
        escapeMarkdown(m.title),
        escapeMarkdown(m.outcome ?? ""),
        STATUS_LABEL[m.status],
      ]),
    ),
  ];
}

function itemLine(item: DocumentItem): string {
  const when =
    item.kind === "milestone" ? `milestone on ${item.startDate}` : `${item.startDate} to ${item.endDate}`;
  return `- **${escapeMarkdown(item.title)}**: ${when} (${STATUS_LABEL[item.status]})`;
}

function workstreams(document: RoadmapDocument): string[] {
  const lanes = [...document.workstreams].sort((a, b) => a.position - b.position);
  const laneIds = new Set(lanes.map((l) => l.id));
  const byDate = (a: DocumentItem, b: DocumentItem) => a.startDate.localeCompare(b.startDate);
  const unlaned = document.items.filter((i) => i.workstreamId === null || !laneIds.has(i.workstreamId));
  const groups = lanes.map((lane) => ({
    name: escapeMarkdown(lane.name),
    items: document.items.filter((i) => i.workstreamId === lane.id),
  }));
  if (unlaned.length) groups.push({ name: "No workstream", items: unlaned });
  if (!groups.length) return ["## Workstreams", "", "No workstreams or items yet."];
  return [
    "## Workstreams",
    ...groups.flatMap((g) => [
      "",
      `### ${g.name}`,
      "",
      ...(g.items.length ? [...g.items].sort(byDate).map(itemLine) : ["Nothing planned yet."]),
    ]),
  ];
}

function topRisks(document: RoadmapDocument): string[] {
  const open = document.risks
    .filter((r) => r.status !== "closed")
    .map((r) => ({ risk: r, score: r.likelihood * r.impact }))
    .sort((a, b) => b.score - a.score || a.risk.title.localeCompare(b.risk.title))
    .slice(0, TOP_RISKS);
  if (!open.length) return ["## Top risks", "", "No open risks."];
  return [
    "## Top risks",
    "",
    ...table(
      ["Score", "Risk", "Contingency"],
      open.map(({ risk, score }) => [
        String(score),
        escapeMarkdown(risk.title),
        risk.contingency?.trim() ? escapeMarkdown(risk.contingency) : "no contingency",
      ]),
    ),
  ];
}

function criticalPath(document: RoadmapDocument, ids: string[]): string[] {
  const title = new Map(document.items.map((i) => [i.id, i.title]));
  const names = ids.flatMap((id) => (title.has(id) ? [escapeMarkdown(title.get(id)!)] : []));
  return [
    "## Critical path",
    "",
    names.length ? names.join(" → ") : "No critical path: the roadmap has no scheduled items.",
  ];
}

export function roadmapToMarkdown(document: RoadmapDocument, facts: BriefFacts): string {
  const { roadmap } = document;
  const description = roadmap.description?.trim();
  const lines = [
    `# ${escapeMarkdown(roadmap.title)}`,
    "",
    `Horizon: ${roadmap.startDate} to ${horizonEnd(roadmap.startDate, roadmap.horizonMonths)} (${plural(roadmap.horizonMonths, "month")}). Generated ${escapeMarkdown(facts.generatedAt)}.`,
    ...(description ? ["", escapeMarkdown(description)] : []),
    "",
    ...summary(document, facts),
    "",
    ...keyMilestones(document.items),
    "",
    ...workstreams(document),
    "",
    ...topRisks(document),
    "",
    ...criticalPath(document, facts.criticalPath),
  ];
  return `${lines.join("\n")}\n`;
}
