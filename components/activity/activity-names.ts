import type { Board } from "@/lib/client/timeline";
import type { ActivityEntry } from "@/lib/validation/collaboration";
import type { Member, Skill } from "@/lib/validation/teams";

/** Names for the ids an activity entry mentions, as they are now where known. */
export interface NameBook {
  item(id: string): string | null;
  itemKind(id: string): "feature" | "milestone" | null;
  lane(id: string): string | null;
  person(id: string): string | null;
  skill(id: string): string | null;
  /** A feedback round's question. */
  round(id: string): string | null;
  phase(id: string): string | null;
  scenario(id: string): string | null;
}

function fromTo(value: unknown): { from: unknown; to: unknown } | null {
  return typeof value === "object" && value !== null && "to" in value
    ? (value as { from: unknown; to: unknown })
    : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

/**
 * The board (the live names) first; for what is gone from it, the newest name the loaded entries
 * recorded: an item's title when it was created, renamed or deleted, a lane's, phase's or
 * scenario's name likewise.
 */
export function makeNameBook(
  sources: { board?: Board; members?: Member[]; skills?: Skill[] },
  entries: ActivityEntry[],
): NameBook {
  const items = new Map<string, { title: string; kind: "feature" | "milestone" | null }>();
  const lanes = new Map<string, string>();
  const people = new Map<string, string>();
  const rounds = new Map<string, string>();
  const phases = new Map<string, string>();
  const scenarios = new Map<string, string>();
  for (const item of sources.board?.items ?? []) items.set(item.id, { title: item.title, kind: item.kind });
  for (const lane of sources.board?.workstreams ?? []) lanes.set(lane.id, lane.name);
  for (const member of sources.members ?? []) people.set(member.user.id, member.user.name);
  const skills = new Map((sources.skills ?? []).map((s) => [s.id, s.name]));

  // Entries come newest first: the first name seen for an id is its latest.
  for (const entry of entries) {
    if (entry.actor && !people.has(entry.actor.id)) people.set(entry.actor.id, entry.actor.name);
    const c = entry.changes;
    if (entry.entity === "item" && !items.has(entry.entityId)) {
      const title = text(fromTo(c.title)?.to) ?? text(c.title);
      const kind = c.kind === "feature" || c.kind === "milestone" ? c.kind : null;
      if (title) items.set(entry.entityId, { title, kind });
    }
    if (entry.entity === "feedback_round" && !rounds.has(entry.entityId)) {
      const question = text(c.question);
      if (question) rounds.set(entry.entityId, question);
    }
    if (entry.entity === "phase" && !phases.has(entry.entityId)) {
      const name = text(fromTo(c.name)?.to) ?? text(c.name);
      if (name) phases.set(entry.entityId, name);
    }
    if (entry.entity === "scenario" && !scenarios.has(entry.entityId)) {
      const name = text(c.name);
      if (name) scenarios.set(entry.entityId, name);
    }
    if (entry.entity === "workstream" && !lanes.has(entry.entityId)) {
      const name = text(fromTo(c.name)?.to) ?? text(c.name);
      if (name) lanes.set(entry.entityId, name);
    }
  }

  return {
    item: (id) => items.get(id)?.title ?? null,
    itemKind: (id) => items.get(id)?.kind ?? null,
    lane: (id) => lanes.get(id) ?? null,
    person: (id) => people.get(id) ?? null,
    skill: (id) => skills.get(id) ?? null,
    round: (id) => rounds.get(id) ?? null,
    phase: (id) => phases.get(id) ?? null,
    scenario: (id) => scenarios.get(id) ?? null,
  };
}
