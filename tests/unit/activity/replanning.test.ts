import { describe, expect, it } from "vitest";
import { makeNameBook } from "@/components/activity/activity-names";
import { describeActivity, sentenceText } from "@/components/activity/describe-activity";
import type { DateText } from "@/lib/client/dates";
import type { ActivityEntry } from "@/lib/validation/collaboration";

const dt: DateText = {
  date: (iso) => `D(${iso})`,
  range: (a, b) => `D(${a})–D(${b})`,
  monthShort: (iso) => iso,
  monthLong: (iso) => iso,
};

function entry(partial: Partial<ActivityEntry>): ActivityEntry {
  return {
    id: "1",
    seq: 1,
    at: "2026-11-25T10:00:00.000Z",
    actor: { id: "u-priya", name: "Priya Shah", email: "priya@example.com" },
    entity: "phase",
    entityId: "p-1",
    itemId: null,
    action: "created",
    changes: {},
    ...partial,
  };
}

describe("describeActivity for phases and scenarios", () => {
  // As lib/services/phases/ records them, newest first.
  const renamed = entry({
    id: "3",
    action: "updated",
    changes: {
      name: { from: "Discovery", to: "Conceptualization" },
      endDate: { from: "2027-03-31", to: "2027-04-30" },
    },
  });
  const decided = entry({
    id: "2",
    action: "updated",
    changes: { decision: { from: null, to: "replan" }, gate: "Scope go", notes: "Cut the mobile app." },
  });
  const created = entry({
    changes: { name: "Discovery", startDate: "2027-01-04", endDate: "2027-03-31", gate: "Scope go" },
  });
  const names = makeNameBook({}, [renamed, decided, created]);
  const text = (e: ActivityEntry) => sentenceText(describeActivity(e, names, dt).sentence);

  it("a new phase: its latest name, dates and gate", () => {
    expect(text(created)).toBe(
      "added the phase ‘Conceptualization’ (D(2027-01-04)–D(2027-03-31)) ending in the gate ‘Scope go’",
    );
  });

  it("a gate decision: the gate and the decision, with the notes as the excerpt", () => {
    const d = describeActivity(decided, names, dt);
    expect(sentenceText(d.sentence)).toBe("decided the gate ‘Scope go’: replan");
    expect(d.excerpt).toBe("Cut the mobile app.");
    expect(d.fields).toEqual([]);
  });

  it("a change lists each field before and after; a deletion names the phase from the entry", () => {
    expect(describeActivity(renamed, names, dt).fields).toEqual([
      { field: "name", label: "Name", from: "“Discovery”", to: "“Conceptualization”" },
      { field: "endDate", label: "End date", from: "D(2027-03-31)", to: "D(2027-04-30)" },
    ]);
    const gone = entry({ entityId: "p-2", action: "deleted", changes: { name: "Launch" } });
    expect(sentenceText(describeActivity(gone, makeNameBook({}, [gone]), dt).sentence)).toBe(
      "deleted the phase ‘Launch’",
    );
  });

  it("scenarios: made, applied (named from the creation entry) and discarded", () => {
    const made = entry({ id: "5", entity: "scenario", entityId: "s-1", changes: { name: "Hire early" } });
    const applied = entry({
      id: "6",
      entity: "scenario",
      entityId: "s-1",
      action: "updated",
      changes: { status: { from: "open", to: "applied" }, snapshotId: "snap" },
    });
    const discarded = entry({
      id: "7",
      entity: "scenario",
      entityId: "s-2",
      action: "updated",
      changes: { status: { from: "open", to: "discarded" }, name: "Slip launch" },
    });
    const book = makeNameBook({}, [discarded, applied, made]);
    const say = (e: ActivityEntry) => sentenceText(describeActivity(e, book, dt).sentence);
    expect(say(made)).toBe("made the what-if scenario ‘Hire early’");
    expect(say(applied)).toBe("applied the scenario ‘Hire early’");
    expect(say(discarded)).toBe("discarded the scenario ‘Slip launch’");
  });
});
