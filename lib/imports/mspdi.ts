// Microsoft Project XML (MSPDI) turned into a roadmap document. Pure.
//
// Mapping: top-level summary tasks become lanes (nested summaries fold into their top-level one;
// tasks under no summary go to no lane); other tasks become features with MS Project's own Start
// and Finish dates; milestones (Milestone=1 or zero duration) become milestones on their Finish
// date with the outcome "<name> reached", since Cairn requires one. Work, when above zero, becomes
// an estimate with optimistic = likely = pessimistic = the work hours (MS Project has one figure);
// PercentComplete gives the status. Finish-to-start links are kept with their lag; other link
// types and links to summary tasks are reported and left out. The roadmap starts on the plan's
// own start date.

import {
  ROADMAP_DOCUMENT_FORMAT,
  ROADMAP_DOCUMENT_VERSION,
  type DocumentItem,
  type RoadmapDocument,
} from "../validation/roadmap-document";
import { convertLag, durationMinutes, FINISH_TO_START, LINK_TYPES, round2 } from "./mspdi-values";
import { normalizeDocument } from "./normalize";
import { quoted } from "./normalize-context";
import { isValidIsoDate } from "../planning/calendar";
import { horizonCovering } from "./plan-span";
import { SkipReport } from "./skip-report";
import { ImportFormatError, ImportLimitError, type ImportParse } from "./types";
import { readXml, type KeepElement, type XmlElement } from "./xml-reader";

export const MSPDI_NAMESPACE = "http://schemas.microsoft.com/project";
const DEFAULT_TITLE = "Imported project";
/** As many as a Cairn JSON export may hold (lib/validation/roadmap-document.ts). */
export const MAX_TASKS = 20_000;
export const MAX_TASK_LINKS = 100_000;

// The only parts of an MSPDI file the import reads; everything else (resources, assignments,
// calendars, timephased data...) is checked as XML and left out of the tree.
const PROJECT_FIELDS = new Set(["Title", "Name", "StartDate", "Tasks"]);
const TASK_FIELDS = new Set([
  "UID",
  "ID",
  "Name",
  "IsNull",
  "OutlineLevel",
  "Summary",
  "Start",
  "Finish",
  "Milestone",
  "Duration",
  "Work",
  "PercentComplete",
  "Notes",
  "PredecessorLink",
]);
const LINK_FIELDS = new Set(["PredecessorUID", "Type", "LinkLag", "LagFormat"]);

/** Keeps Project/{fields}, Project/Tasks/Task/{fields} and their PredecessorLinks, with caps on both. */
function mspdiParts(): KeepElement {
  let tasks = 0;
  let links = 0;
  const cap = (line: number, what: string, max: number): never => {
    throw new ImportLimitError(
      `line ${line}`,
      `The plan has more than ${max.toLocaleString("en")} ${what}, the most Cairn imports at once; split the plan.`,
    );
  };
  return (path, line) => {
    if (path[0] !== "Project") return false;
    switch (path.length) {
      case 2:
        return PROJECT_FIELDS.has(path[1]);
      case 3:
        if (path[1] !== "Tasks" || path[2] !== "Task") return false;
        if (++tasks > MAX_TASKS) cap(line, "tasks", MAX_TASKS);
        return true;
      case 4:
        if (path[3] === "PredecessorLink" && ++links > MAX_TASK_LINKS)
          cap(line, "task links", MAX_TASK_LINKS);
        return TASK_FIELDS.has(path[3]);
      case 5:
        return path[3] === "PredecessorLink" && LINK_FIELDS.has(path[4]);
      default:
        return false;
    }
  };
}

interface Task {
  uid: string;
  where: string;
  name: string;
  summary: boolean;
  level: number;
  element: XmlElement;
}

const childOf = (element: XmlElement, name: string) => element.children.find((c) => c.localName === name);
const textOf = (element: XmlElement, name: string): string | null => {
  const value = childOf(element, name)?.text.trim();
  return value ? value : null;
};
const numberOf = (element: XmlElement, name: string): number | null => {
  const value = Number(textOf(element, name) ?? Number.NaN);
  return Number.isFinite(value) ? value : null;
};
const dateOf = (element: XmlElement, name: string) => textOf(element, name)?.slice(0, 10) ?? null;

function projectTitle(project: XmlElement, override?: string): string {
  const title =
    override?.trim() || textOf(project, "Title") || textOf(project, "Name")?.replace(/\.(xml|mpp)$/i, "");
  return (title || DEFAULT_TITLE).slice(0, 200);
}

function readTasks(project: XmlElement, skipped: SkipReport): Task[] {
  const tasks: Task[] = [];
  for (const element of childOf(project, "Tasks")?.children ?? []) {
    if (element.localName !== "Task") continue;
    const uid = textOf(element, "UID");
    const level = numberOf(element, "OutlineLevel") ?? 1;
    // The project summary task (UID 0, outline level 0) stands for the whole plan.
    if (uid === null || uid === "0" || level === 0) continue;
    const id = textOf(element, "ID");
    // Ids are numbers in MS Project; a file's odd ones are cut short like any quoted text.
    const where = id ? `task ${id.slice(0, 40)}` : `task UID ${uid.slice(0, 40)}`;
    const name = textOf(element, "Name");
    if (!name || textOf(element, "IsNull") === "1") {
      skipped.add({ where, what: "an empty task row", reason: "The task has no name." });
      continue;
    }
    tasks.push({ uid, where, name, summary: textOf(element, "Summary") === "1", level, element });
  }
  return tasks;
}

function toItem(task: Task, workstreamId: string | null): DocumentItem {
  const { element, name } = task;
  // The caller checked that both dates are there.
  const start = dateOf(element, "Start")!;
  const finish = dateOf(element, "Finish")!;
  const milestone =
    textOf(element, "Milestone") === "1" || durationMinutes(textOf(element, "Duration")) === 0;
  const workHours = round2((durationMinutes(textOf(element, "Work")) ?? 0) / 60);
  const percent = numberOf(element, "PercentComplete") ?? 0;
  return {
    id: `task-${task.uid}`,
    workstreamId,
    kind: milestone ? "milestone" : "feature",
    title: name,
    description: textOf(element, "Notes")?.slice(0, 10_000) ?? null,
    startDate: milestone ? finish : start,
    endDate: finish,
    outcome: milestone ? `${name} reached` : null,
    isKey: false,
    status: percent >= 100 ? "done" : percent > 0 ? "in_progress" : "planned",
    estimate:
      !milestone && workHours > 0
        ? { optimisticHours: workHours, likelyHours: workHours, pessimisticHours: workHours }
        : null,
    skills: [],
    owner: null,
  };
}

export function parseMspdi(xml: string, options: { title?: string } = {}): ImportParse {
  const project = readXml(xml, {}, mspdiParts());
  const namespace = project.attributes.get("xmlns");
  if (project.localName !== "Project" || (namespace !== undefined && namespace !== MSPDI_NAMESPACE))
    throw new ImportFormatError(
      `line ${project.line}`,
      `This is not a Microsoft Project XML file: it should start with <Project xmlns="${MSPDI_NAMESPACE}">.`,
    );
  const skipped = new SkipReport();
  const tasks = readTasks(project, skipped);
  const byUid = new Map(tasks.map((t) => [t.uid, t]));

  const workstreams: RoadmapDocument["workstreams"] = [];
  const items: DocumentItem[] = [];
  const where = new Map<string, string>();
  let lane: string | null = null;
  for (const task of tasks) {
    if (task.level <= 1) lane = task.summary ? `summary-${task.uid}` : null;
    where.set(`task-${task.uid}`, task.where);
    if (task.summary) {
      if (task.level <= 1)
        workstreams.push({
          id: `summary-${task.uid}`,
          name: task.name.slice(0, 100),
          position: workstreams.length,
        });
    } else if (!dateOf(task.element, "Start") || !dateOf(task.element, "Finish"))
      skipped.add({
        where: task.where,
        what: `task ${quoted(task.name)}`,
        reason: "The task has no Start or Finish date.",
      });
    else items.push(toItem(task, task.level <= 1 ? null : lane));
  }

  const dependencies: RoadmapDocument["dependencies"] = [];
  const dependencyWhere: string[] = [];
  for (const task of tasks) {
    for (const link of task.element.children) {
      if (link.localName !== "PredecessorLink") continue;
      const predecessorUid = textOf(link, "PredecessorUID") ?? "";
      const predecessor = byUid.get(predecessorUid);
      const from = predecessor
        ? `${predecessor.where} ${quoted(predecessor.name)}`
        : `task UID ${predecessorUid}`;
      const what = `the link from ${from} to ${task.where} ${quoted(task.name)}`;
      const type = textOf(link, "Type") ?? FINISH_TO_START;
      const skip = (reason: string, rule?: string) => skipped.add({ where: task.where, what, reason }, rule);
      if (!predecessor)
        skip(
          `No task with UID ${predecessorUid.slice(0, 40)} is in this file (it may be in another project).`,
          "The predecessor is not in this file (it may be in another project).",
        );
      else if (predecessor.summary || task.summary)
        skip(
          "Links to or from summary tasks are not imported: summary tasks become lanes, which have no dates.",
        );
      else if (type !== FINISH_TO_START)
        skip(
          `${capitalise(LINK_TYPES[type] ?? `Type ${type}`)} links are not supported; the dependency was left out.`,
        );
      else {
        const { lagDays, approximation } = convertLag(
          numberOf(link, "LinkLag") ?? 0,
          numberOf(link, "LagFormat") ?? 7,
        );
        if (approximation)
          skip(approximation, "The lag was converted to whole working days (Cairn counts whole days).");
        dependencies.push({ fromId: `task-${predecessor.uid}`, toId: `task-${task.uid}`, lagDays });
        dependencyWhere.push(task.where);
      }
    }
  }

  // Unreadable dates are left for normalizeDocument to report with their task.
  const dates = items
    .flatMap((i) => [i.startDate, i.endDate])
    .filter(isValidIsoDate)
    .sort();
  const planStart = dateOf(project, "StartDate");
  // The plan's own start date; tasks before it (rare: MS Project schedules from it) are reported.
  const startDate = planStart && isValidIsoDate(planStart) ? planStart : dates[0];
  if (!startDate)
    throw new ImportFormatError(`line ${project.line}`, "The project has no start date and no dated tasks.");
  const document: RoadmapDocument = {
    format: ROADMAP_DOCUMENT_FORMAT,
    version: ROADMAP_DOCUMENT_VERSION,
    roadmap: {
      title: projectTitle(project, options.title),
      description: null,
      startDate,
      horizonMonths: horizonCovering(startDate, dates.at(-1) ?? null),
    },
    workstreams,
    items,
    dependencies,
    phases: [],
    risks: [],
    staffing: null,
  };
  return normalizeDocument(
    document,
    "mspdi",
    {
      item: (id) => where.get(id) ?? id,
      workstream: (id) => where.get(`task-${id.slice("summary-".length)}`) ?? id,
      dependency: (index) => dependencyWhere[index],
    },
    skipped,
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
