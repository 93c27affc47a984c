// The fields of an activity entry in words: their names, their values (dates in the reader's
// locale, people, lanes, skills by name) and an update's before and after, field by field.

import type { DateText } from "@/lib/client/dates";
import { STATUS_INFO, type ItemStatus } from "@/components/timeline/item-status";
import type { ActivityEntry } from "@/lib/validation/collaboration";
import type { FieldChange } from "./activity-description";
import type { NameBook } from "./activity-names";
import { capitalize, shorten } from "./activity-words";

/** Field names as words, for "changed the start date, owner". */
export const FIELD_NAMES: Record<string, string> = {
  title: "title",
  name: "name",
  kind: "kind",
  startDate: "start date",
  endDate: "end date",
  status: "status",
  ownerId: "owner",
  workstreamId: "lane",
  estimate: "estimate",
  skills: "skills",
  isKey: "key milestone",
  outcome: "outcome",
  description: "description",
  horizonMonths: "horizon",
  lagDays: "lag",
  position: "position",
  feasibility: "verdict",
  body: "text",
  gateTitle: "gate",
  gateOutcome: "gate outcome",
};

export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field.replace(/([A-Z])/g, " $1").toLowerCase();
}

const VERDICTS: Record<string, string> = {
  feasible: "Feasible",
  concerns: "Concerns",
  not_feasible: "Not feasible",
};

export function workingDays(n: number): string {
  return `${n} working day${Math.abs(n) === 1 ? "" : "s"}`;
}

/** One recorded value as words a person reads. */
export function formatValue(field: string, value: unknown, names: NameBook, dt: DateText): string {
  if (value === null || value === undefined || value === "") {
    if (field === "ownerId") return "nobody";
    if (field === "workstreamId") return "no lane";
    return "none";
  }
  switch (field) {
    case "startDate":
    case "endDate":
      return typeof value === "string" ? dt.date(value) : String(value);
    case "status":
      return STATUS_INFO[value as ItemStatus]?.label ?? String(value);
    case "ownerId":
      return names.person(String(value)) ?? "a former member";
    case "workstreamId":
      return names.lane(String(value)) ?? "a removed lane";
    case "kind":
      return value === "milestone" ? "Milestone" : "Feature";
    case "horizonMonths":
      return `${String(value)} months`;
    case "lagDays":
      return typeof value === "number" ? workingDays(value) : String(value);
    case "feasibility":
      return VERDICTS[String(value)] ?? String(value);
    case "estimate": {
      const e = value as { optimisticHours?: number; likelyHours?: number; pessimisticHours?: number };
      return `${e.likelyHours} h likely (${e.optimisticHours}–${e.pessimisticHours} h)`;
    }
    case "skills": {
      const list = Array.isArray(value) ? (value as Array<{ skillId: string; hours: number }>) : [];
      if (list.length === 0) return "none";
      return list.map((s) => `${names.skill(s.skillId) ?? "a skill"} ${s.hours} h`).join(", ");
    }
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return `“${shorten(value)}”`;
  if (typeof value === "number") return value.toLocaleString();
  return shorten(JSON.stringify(value));
}

/** The {field: {from, to}} pairs of an update, in a stable, readable order (version left out). */
export function changedFields(entry: ActivityEntry): string[] {
  const order = Object.keys(FIELD_NAMES);
  return Object.keys(entry.changes)
    .filter((key) => {
      const value = entry.changes[key];
      return key !== "version" && typeof value === "object" && value !== null && "to" in value;
    })
    .sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
    });
}

/** Each changed field of an update as a label and its before and after, in words. */
export function fieldChanges(entry: ActivityEntry, names: NameBook, dt: DateText): FieldChange[] {
  return changedFields(entry).map((field) => {
    const { from, to } = entry.changes[field] as { from: unknown; to: unknown };
    return {
      field,
      label: capitalize(fieldName(field)),
      from: formatValue(field, from, names, dt),
      to: formatValue(field, to, names, dt),
    };
  });
}
