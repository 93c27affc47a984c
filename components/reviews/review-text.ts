// Words for reviews, cadences, snapshots and change reports: pure, so that they are unit-tested and
// the page, the report and the timeline's comparison banner say the same things.

import { RISK_KIND_INFO, RISK_STATUS_INFO } from "@/components/risks/risk-labels";
import type { DateText } from "@/lib/client/dates";
import { STATUS_INFO, type ItemStatus } from "@/components/timeline/item-status";
import type {
  CadenceInterval,
  DiffSummary,
  RoadmapDiff,
  SnapshotKind,
  UpcomingReview,
} from "@/lib/validation/communication";

export { AUDIENCE_LABELS as AUDIENCE_LABEL } from "@/lib/validation/communication-kinds";

/** The cadence editor's choices, "off" meaning no rule for the audience. */
export const INTERVAL_OPTIONS: { value: CadenceInterval | "off"; label: string }[] = [
  { value: "off", label: "Off" },
  { value: "1w", label: "Weekly" },
  { value: "2w", label: "Fortnightly" },
  { value: "1m", label: "Monthly" },
  { value: "1q", label: "Quarterly" },
];

export const INTERVAL_LABEL: Record<CadenceInterval, string> = {
  "1w": "Every week",
  "2w": "Every two weeks",
  "1m": "Every month",
  "1q": "Every quarter",
};

export const SNAPSHOT_KIND_LABEL: Record<SnapshotKind, string> = {
  manual: "Taken by hand",
  review: "Review",
  feedback: "Feedback round",
  gate: "Phase gate",
  auto_schedule: "Before auto-scheduling",
  import: "Import",
};

const MINUS = "\u2212";

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${Math.abs(n) === 1 ? one : many}`;
}

/** A signed move in calendar days: "+14 days", "−3 days", "same day". */
export function dayShift(days: number): string {
  if (days === 0) return "same day";
  return `${days > 0 ? "+" : MINUS}${plural(Math.abs(days), "day")}`;
}

/** "Overdue since 3 Nov 2026 · 22 days", or null when the review is not overdue. */
export function overdueText(review: UpcomingReview, dt: DateText): string | null {
  if (!review.overdue) return null;
  const since = review.overdueSince ?? review.nextDue;
  return `Overdue since ${dt.date(since)} · ${plural(review.daysOverdue, "day")}`;
}

/** Whether a diff finds anything at all (the finish can move only if something else changed). */
export function hasChanges(diff: RoadmapDiff): boolean {
  return Object.values(diff.summary).some((n) => n > 0) || diff.projectFinish.days !== 0;
}

/** "7 moved · 2 added · 1 removed · finish +12 days", or "No changes". */
export function summaryLine(summary: DiffSummary, finishDays: number): string {
  const parts: string[] = [];
  if (summary.moved) parts.push(`${summary.moved} moved`);
  if (summary.added) parts.push(`${summary.added} added`);
  if (summary.removed) parts.push(`${summary.removed} removed`);
  if (summary.changed) parts.push(`${summary.changed} changed`);
  const links = summary.dependenciesAdded + summary.dependenciesRemoved;
  if (links) parts.push(plural(links, "dependency change"));
  const risks = summary.risksAdded + summary.risksRemoved + summary.risksChanged;
  if (risks) parts.push(plural(risks, "risk change"));
  if (finishDays) parts.push(`finish ${dayShift(finishDays)}`);
  return parts.length ? parts.join(" · ") : "No changes";
}

/** "A → B, lag 2d" (a negative lag is an overlap, "lead 2d"). */
export function linkText(link: { fromTitle: string; toTitle: string; lagDays: number }): string {
  const lag =
    link.lagDays > 0 ? `, lag ${link.lagDays}d` : link.lagDays < 0 ? `, lead ${-link.lagDays}d` : "";
  return `${link.fromTitle || "a removed item"} → ${link.toTitle || "a removed item"}${lag}`;
}

export const DIFF_FIELD_LABEL: Record<string, string> = {
  title: "Title",
  kind: "Kind",
  status: "Status",
  estimate: "Estimate",
  owner: "Owner",
  outcome: "Outcome",
  isKey: "Key milestone",
  description: "Description",
  workstream: "Lane",
  skills: "Skills",
  likelihood: "Likelihood",
  impact: "Impact",
  contingency: "Contingency plan",
  delayDays: "Delay",
  itemIds: "Linked items",
};

export function diffFieldLabel(field: string): string {
  return DIFF_FIELD_LABEL[field] ?? field.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
}

function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * One value of a changed field as a person reads it: an estimate "40/60/90 h", a status label, a
 * lane name or "no lane", skills "Backend 120 h", linked items by title (`itemTitle`).
 */
export function diffValue(field: string, value: unknown, itemTitle: (id: string) => string): string {
  if (value === null || value === undefined || value === "") {
    if (field === "workstream") return "no lane";
    if (field === "owner") return "nobody";
    return "none";
  }
  switch (field) {
    case "estimate": {
      const e = value as { optimisticHours: number; likelyHours: number; pessimisticHours: number };
      return `${e.optimisticHours}/${e.likelyHours}/${e.pessimisticHours} h`;
    }
    case "status":
      return (
        STATUS_INFO[value as ItemStatus]?.label ??
        RISK_STATUS_INFO[value as keyof typeof RISK_STATUS_INFO]?.label ??
        String(value)
      );
    case "kind":
      return value === "milestone"
        ? "Milestone"
        : value === "feature"
          ? "Feature"
          : (RISK_KIND_INFO[value as keyof typeof RISK_KIND_INFO]?.label ?? String(value));
    case "skills": {
      const list = Array.isArray(value) ? (value as { skill: string; hours: number }[]) : [];
      return list.length ? list.map((s) => `${s.skill} ${s.hours} h`).join(", ") : "none";
    }
    case "itemIds": {
      const ids = Array.isArray(value) ? (value as string[]) : [];
      return ids.length ? ids.map(itemTitle).join(", ") : "none";
    }
    case "delayDays":
      return typeof value === "number" ? plural(value, "working day") : String(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString();
  if (typeof value === "string") return shorten(value);
  return shorten(JSON.stringify(value));
}

/** Items on one critical path but not the other, by id: what joined and what left it. */
export function criticalPathChanges(path: RoadmapDiff["criticalPath"]): {
  joined: Set<string>;
  left: Set<string>;
} {
  const before = new Set(path.before.map((i) => i.id));
  const after = new Set(path.after.map((i) => i.id));
  return {
    joined: new Set([...after].filter((id) => !before.has(id))),
    left: new Set([...before].filter((id) => !after.has(id))),
  };
}

/** The change report's address for a pair of sides. */
export function compareHref(roadmapId: string, from: string, to = "now"): string {
  return `/roadmaps/${roadmapId}/reviews/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

/** The timeline with the ghosts of a snapshot drawn on it. */
export function timelineCompareHref(roadmapId: string, snapshotId: string): string {
  return `/roadmaps/${roadmapId}?compare=${encodeURIComponent(snapshotId)}`;
}
