// Activity sentences for stakeholder communication: the review cadence, reviews, snapshots,
// feedback rounds and their responses, share links. What each entry's `changes` holds is written
// by the services (lib/services/reviews/, snapshots/, feedback-rounds/, share-links/).

import type { DateText } from "@/lib/client/dates";
import type { ActivityEntry } from "@/lib/validation/collaboration";
import type { ActivityDescription, FieldChange, Segment } from "./activity-description";
import type { NameBook } from "./activity-names";
import { none, shorten, str } from "./activity-words";

const AUDIENCE: Record<string, string> = {
  executive: "executive",
  engineering: "engineering",
  product: "product",
};

const EVERY: Record<string, string> = {
  "1w": "every week",
  "2w": "every two weeks",
  "1m": "every month",
  "1q": "every quarter",
};

/** A plan date or the date part of a timestamp, in the reader's words. */
function day(value: unknown, dt: DateText): string | null {
  const text = str(value);
  return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? dt.date(text.slice(0, 10)) : null;
}

/** "executive " (with its space, to go before a noun), or "" when unknown. */
function audienceOf(value: unknown): string {
  const word = AUDIENCE[String(value)];
  return word ? `${word} ` : "";
}

interface Rule {
  audience: string;
  every: string;
  nextOn: string;
}

function rulesOf(value: unknown): Rule[] {
  return Array.isArray(value) ? (value as Rule[]).filter((r) => r && typeof r.audience === "string") : [];
}

function ruleText(rule: Rule | undefined, dt: DateText): string {
  if (!rule) return "off";
  return `${EVERY[rule.every] ?? rule.every}, next on ${day(rule.nextOn, dt) ?? rule.nextOn}`;
}

function describeCadence(entry: ActivityEntry, dt: DateText): ActivityDescription {
  const change = entry.changes.rules as { from?: unknown; to?: unknown } | undefined;
  const before = rulesOf(change?.from);
  const after = rulesOf(change?.to);
  const fields: FieldChange[] = [];
  for (const audience of Object.keys(AUDIENCE)) {
    const from = ruleText(
      before.find((r) => r.audience === audience),
      dt,
    );
    const to = ruleText(
      after.find((r) => r.audience === audience),
      dt,
    );
    if (from !== to)
      fields.push({
        field: audience,
        label: `${AUDIENCE[audience][0].toUpperCase()}${AUDIENCE[audience].slice(1)} review`,
        from,
        to,
      });
  }
  return {
    sentence: [entry.action === "created" ? "set the review cadence" : "changed the review cadence"],
    fields,
    excerpt: null,
  };
}

function describeReview(entry: ActivityEntry, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const when = day(c.heldOn, dt);
  return {
    sentence: [
      `recorded ${c.audience ? "the" : "a"} ${audienceOf(c.audience)}review${when ? ` of ${when}` : ""}`,
    ],
    ...none,
  };
}

function describeSnapshot(entry: ActivityEntry): ActivityDescription {
  const label = str(entry.changes.label);
  return { sentence: label ? ["took the snapshot ", { name: label }] : ["took a snapshot"], ...none };
}

function roundName(entry: ActivityEntry, id: string | null, names: NameBook): Segment {
  const question = str(entry.changes.question) ?? (id ? names.round(id) : null);
  return question ? { name: shorten(question) } : "a feedback round";
}

function describeRound(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const round = roundName(entry, entry.entityId, names);
  if (entry.action === "created") {
    const closes = day(c.closesOn, dt);
    return {
      sentence: [
        `asked the ${audienceOf(c.audience)}audience for feedback: `,
        round,
        ...(closes ? [` (closes ${closes})`] : []),
      ],
      ...none,
    };
  }
  const status = c.status as { to?: unknown } | undefined;
  if (entry.action === "updated" && status?.to === "closed")
    return { sentence: ["closed the feedback round ", round], ...none };
  return { sentence: [`${entry.action} the feedback round `, round], ...none };
}

function describeResponse(entry: ActivityEntry, names: NameBook): ActivityDescription {
  const c = entry.changes;
  const itemId = str(c.itemId);
  const item: Segment = itemId
    ? names.item(itemId)
      ? { name: names.item(itemId)! }
      : "an item that is gone"
    : "the roadmap overall";
  const rating = typeof c.rating === "number" ? ` ${c.rating} out of 5` : "";
  const round = str(c.roundId) ? names.round(str(c.roundId)!) : null;
  return {
    sentence: [
      entry.action === "updated" ? "changed their rating of " : "rated ",
      item,
      `${entry.action === "updated" ? " to" : ""}${rating}`,
      ...(round ? [" in the round ", { name: shorten(round) }] : [" in a feedback round"]),
    ],
    ...none,
  };
}

function describeShareLink(entry: ActivityEntry, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const hint = str(c.tokenHint);
  if (entry.action === "created") {
    const expires = day(c.expiresAt, dt);
    return {
      sentence: [
        `created a read-only ${audienceOf(c.audience)}share link${expires ? `, open until ${expires}` : ""}`,
      ],
      ...none,
    };
  }
  if (entry.action === "deleted")
    return { sentence: [`revoked a share link${hint ? ` (…${hint})` : ""}`], ...none };
  return { sentence: [`${entry.action} a share link`], ...none };
}

/** The sentence for an entry of the communication entities, or null for any other entity. */
export function describeCommunication(
  entry: ActivityEntry,
  names: NameBook,
  dt: DateText,
): ActivityDescription | null {
  switch (entry.entity) {
    case "cadence":
      return describeCadence(entry, dt);
    case "review":
      return describeReview(entry, dt);
    case "snapshot":
      return describeSnapshot(entry);
    case "feedback_round":
      return describeRound(entry, names, dt);
    case "feedback_response":
      return describeResponse(entry, names);
    case "share_link":
      return describeShareLink(entry, dt);
  }
  return null;
}
