// Activity sentences for phases (and their gate decisions) and what-if scenarios. What each
// entry's `changes` holds is written by the services (lib/services/phases/, lib/services/scenarios/).

import type { DateText } from "@/lib/client/dates";
import type { ActivityEntry } from "@/lib/validation/collaboration";
import type { ActivityDescription, Segment } from "./activity-description";
import { fieldChanges } from "./activity-fields";
import type { NameBook } from "./activity-names";
import { none, str } from "./activity-words";

const DECISION_WORD: Record<string, string> = { proceed: "proceed", replan: "replan", stop: "stop" };

function named(name: string | null, fallback: string): Segment {
  return name ? { name } : fallback;
}

function describePhase(entry: ActivityEntry, names: NameBook, dt: DateText): ActivityDescription {
  const c = entry.changes;
  const phase = named(names.phase(entry.entityId) ?? str(c.name), "a phase");
  const decision = c.decision as { to?: unknown } | undefined;
  if (decision && typeof decision === "object" && str(decision.to)) {
    const word = DECISION_WORD[String(decision.to)] ?? String(decision.to);
    const notes = str(c.notes);
    return {
      sentence: ["decided the gate ", named(str(c.gate), "of a phase"), `: ${word}`],
      fields: [],
      excerpt: notes,
    };
  }
  switch (entry.action) {
    case "created": {
      const start = str(c.startDate);
      const end = str(c.endDate);
      const gate = str(c.gate);
      return {
        sentence: [
          "added the phase ",
          phase,
          ...(start && end ? [` (${dt.range(start, end)})`] : []),
          ...(gate ? [" ending in the gate ", { name: gate }] : []),
        ],
        ...none,
      };
    }
    case "updated":
      return {
        sentence: ["changed the phase ", phase],
        fields: fieldChanges(entry, names, dt),
        excerpt: null,
      };
    case "deleted":
      return { sentence: ["deleted the phase ", phase], ...none };
  }
  return { sentence: [`${entry.action} the phase `, phase], ...none };
}

function describeScenario(entry: ActivityEntry, names: NameBook): ActivityDescription {
  const c = entry.changes;
  const scenario = named(names.scenario(entry.entityId) ?? str(c.name), "a scenario");
  const status = (c.status as { to?: unknown } | undefined)?.to;
  if (entry.action === "created") return { sentence: ["made the what-if scenario ", scenario], ...none };
  if (status === "applied") return { sentence: ["applied the scenario ", scenario], ...none };
  if (status === "discarded") return { sentence: ["discarded the scenario ", scenario], ...none };
  return { sentence: [`${entry.action} the scenario `, scenario], ...none };
}

/** The sentence for an entry about a phase or a scenario, or null for any other entity. */
export function describeReplanning(
  entry: ActivityEntry,
  names: NameBook,
  dt: DateText,
): ActivityDescription | null {
  switch (entry.entity) {
    case "phase":
      return describePhase(entry, names, dt);
    case "scenario":
      return describeScenario(entry, names);
  }
  return null;
}
