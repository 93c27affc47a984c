// One activity entry as a sentence: items, lanes, links, comments and the roadmap here; the
// communication and replanning entities in describe-communication.ts and describe-replanning.ts.

import type { DateText } from "@/lib/client/dates";
import type { ActivityEntry } from "@/lib/validation/collaboration";
import type { ActivityDescription, Segment } from "./activity-description";
import { fieldChanges, formatValue, workingDays } from "./activity-fields";
import type { NameBook } from "./activity-names";
import { none, shorten, str } from "./activity-words";
import { describeCommunication } from "./describe-communication";
import { describeReplanning } from "./describe-replanning";

function itemName(id: string | null, names: NameBook, fallback?: unknown): Segment {
  const title = (id && names.item(id)) ?? str(fallback);
  return title ? { name: title } : "an item that is gone";
}

function describeItem(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const item = itemName(entry.entityId, names, c.title);
  switch (entry.action) {
    case "created": {
      const kind = c.kind === "milestone" ? "milestone" : (names.itemKind(entry.entityId) ?? "feature");
      const start = str(c.startDate);
      const end = str(c.endDate);
      const when = start && end ? ` (${kind === "milestone" ? dt.date(start) : dt.range(start, end)})` : "";
      return { sentence: [`added the ${kind} `, item, when], ...none };
    }
    case "updated": {
      const fields = fieldChanges(entry, names, dt);
      const keys = fields.map((f) => f.field);
      if (keys.length === 1 && keys[0] === "title") {
        const { from, to } = c.title as { from: unknown; to: unknown };
        return { sentence: ["renamed ", { name: String(from) }, " to ", { name: String(to) }], ...none };
      }
      const onlyDates = keys.length > 0 && keys.every((k) => k === "startDate" || k === "endDate");
      return { sentence: [onlyDates ? "moved " : "changed ", item], fields, excerpt: null };
    }
    case "deleted":
      return { sentence: ["deleted ", item], ...none };
    case "restored":
      return { sentence: ["restored ", item], ...none };
  }
  return { sentence: [`${entry.action} `, item], ...none };
}

function describeLane(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const lane: Segment = names.lane(entry.entityId) ? { name: names.lane(entry.entityId)! } : "a lane";
  switch (entry.action) {
    case "created":
      return { sentence: ["added the lane ", str(c.name) ? { name: str(c.name)! } : lane], ...none };
    case "updated": {
      const fields = fieldChanges(entry, names, dt);
      const keys = fields.map((f) => f.field);
      if (keys.length === 1 && keys[0] === "name") {
        const { from, to } = c.name as { from: unknown; to: unknown };
        return {
          sentence: ["renamed the lane ", { name: String(from) }, " to ", { name: String(to) }],
          ...none,
        };
      }
      if (keys.length === 1 && keys[0] === "position")
        return { sentence: ["reordered the lane ", lane], ...none };
      return { sentence: ["changed the lane ", lane], fields, excerpt: null };
    }
    case "deleted":
      return { sentence: ["removed the lane ", lane], ...none };
    case "restored":
      return { sentence: ["restored the lane ", lane], ...none };
  }
  return { sentence: [`${entry.action} the lane `, lane], ...none };
}

function describeDependency(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const from = itemName(str(c.fromId), names);
  const to = itemName(str(c.toId), names);
  const lag = typeof c.lagDays === "number" && c.lagDays !== 0 ? c.lagDays : 0;
  const lagText =
    lag > 0 ? `, ${workingDays(lag)} after it` : lag < 0 ? `, overlapping by ${workingDays(-lag)}` : "";
  switch (entry.action) {
    case "created":
      return {
        sentence: ["added a dependency: ", to, " starts after ", from, ` finishes${lagText}`],
        fields: [],
        excerpt: null,
      };
    case "deleted":
      return {
        sentence: ["removed the dependency of ", to, " on ", from],
        fields: [],
        excerpt: null,
      };
  }
  return {
    sentence: [
      `${entry.action === "updated" ? "changed" : entry.action} the dependency of `,
      to,
      " on ",
      from,
    ],
    fields: fieldChanges(entry, names, dt),
    excerpt: null,
  };
}

const COMMENT_VERBS: Record<string, string> = {
  created: "commented on ",
  updated: "edited a comment on ",
  deleted: "deleted a comment on ",
  restored: "restored a comment on ",
  resolved: "resolved a thread on ",
  reopened: "reopened a thread on ",
};

function describeComment(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const item = itemName(entry.itemId, names, c.itemTitle);
  const reply = entry.action === "created" && str(c.parentId);
  const verb = reply ? "replied on " : (COMMENT_VERBS[entry.action] ?? `${entry.action} a comment on `);
  const verdict = str(c.feasibility);
  const sentence: Segment[] = [verb, item];
  if (verdict && entry.action === "created")
    sentence.push(`, verdict: ${formatValue("feasibility", verdict, names, dt)}`);
  const excerpt = str(c.excerpt) ?? (entry.action === "created" ? str(c.body) : null);
  return {
    sentence,
    fields:
      entry.action === "updated" ? fieldChanges(entry, names, dt).filter((f) => f.field !== "body") : [],
    excerpt: excerpt && shorten(excerpt, 160),
  };
}

function describeRoadmap(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  const c = entry.changes;
  switch (entry.action) {
    case "created":
      return {
        sentence: ["created the roadmap", ...(str(c.title) ? [" ", { name: str(c.title)! }] : [])],
        ...none,
      };
    case "updated":
      return {
        sentence: ["changed the roadmap’s settings"],
        fields: fieldChanges(entry, names, dt),
        excerpt: null,
      };
  }
  return { sentence: [`${entry.action} the roadmap`], ...none };
}

/** One activity entry as a sentence and, for updates, each field's before and after. */
export function describeActivity(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  switch (entry.entity) {
    case "item":
      return describeItem(entry, names, dt);
    case "workstream":
      return describeLane(entry, names, dt);
    case "dependency":
      return describeDependency(entry, names, dt);
    case "comment":
      return describeComment(entry, names, dt);
    case "roadmap":
      return describeRoadmap(entry, names, dt);
  }
  const communication = describeCommunication(entry, names, dt);
  if (communication) return communication;
  const replanning = describeReplanning(entry, names, dt);
  if (replanning) return replanning;
  return {
    sentence: [`${entry.action} a ${entry.entity.replace(/_/g, " ")}`],
    fields: fieldChanges(entry, names, dt),
    excerpt: null,
  };
}

/** The sentence as plain text (names in single quotes), for labels and tests. */
export function sentenceText(segments: Segment[]): string {
  return segments.map((s) => (typeof s === "string" ? s : `‘${s.name}’`)).join("");
}
