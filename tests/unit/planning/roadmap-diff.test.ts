import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/planning/civil-date";
import { diffDocuments } from "@/lib/planning/roadmap-diff";
import type { DocumentItem, DocumentRisk, RoadmapDocument } from "@/lib/validation/roadmap-document";

// 2027-03-01 is a Monday.
const START = "2027-03-01";

function item(id: string, over: Partial<DocumentItem> = {}): DocumentItem {
  return {
    id,
    workstreamId: "lane-a",
    kind: "feature",
    title: `Item ${id}`,
    description: null,
    startDate: START,
    endDate: "2027-03-05",
    outcome: null,
    isKey: false,
    status: "planned",
    estimate: null,
    skills: [],
    owner: null,
    ...over,
  };
}

function risk(id: string, over: Partial<DocumentRisk> = {}): DocumentRisk {
  return {
    id,
    title: `Risk ${id}`,
    description: null,
    kind: "roadblock",
    likelihood: 2,
    impact: 3,
    status: "open",
    itemIds: [],
    owner: null,
    delayDays: null,
    contingency: null,
    ...over,
  };
}

function doc(over: Partial<RoadmapDocument> = {}): RoadmapDocument {
  return {
    format: "cairn.roadmap",
    version: 1,
    roadmap: { title: "Plan", startDate: START, horizonMonths: 12 },
    workstreams: [
      { id: "lane-a", name: "Platform", position: 0 },
      { id: "lane-b", name: "Mobile", position: 1 },
    ],
    items: [],
    dependencies: [],
    risks: [],
    staffing: null,
    phases: [],
    ...over,
  };
}

/** A chain a -> b -> c of one-week features, and a free item d. */
function chain(): RoadmapDocument {
  return doc({
    items: [
      item("a"),
      item("b", { startDate: "2027-03-08", endDate: "2027-03-12" }),
      item("c", { startDate: "2027-03-15", endDate: "2027-03-19" }),
      item("d", { startDate: "2027-03-01", endDate: "2027-03-02", workstreamId: "lane-b" }),
    ],
    dependencies: [
      { fromId: "a", toId: "b", lagDays: 0 },
      { fromId: "b", toId: "c", lagDays: 0 },
    ],
  });
}

function withItems(base: RoadmapDocument, edit: (items: DocumentItem[]) => DocumentItem[]): RoadmapDocument {
  return { ...base, items: edit(base.items.map((i) => ({ ...i }))) };
}

describe("diffDocuments", () => {
  it("finds nothing between a document and itself", () => {
    const d = chain();
    const diff = diffDocuments(d, structuredClone(d));
    expect(Object.values(diff.summary).every((n) => n === 0)).toBe(true);
    expect(diff.items).toEqual({ added: [], removed: [], moved: [], changed: [] });
    expect(diff.dependencies).toEqual({ added: [], removed: [] });
    expect(diff.risks).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.criticalPath.before).toEqual(diff.criticalPath.after);
    expect(diff.criticalPath.after.map((s) => s.id)).toEqual(["a", "b", "c"]);
    expect(diff.projectFinish).toEqual({ before: "2027-03-19", after: "2027-03-19", days: 0 });
  });

  it("lists added and removed items with their lane names", () => {
    const before = chain();
    const after = withItems(before, (items) => [
      ...items.filter((i) => i.id !== "d"),
      item("e", { title: "New", workstreamId: null }),
    ]);
    const diff = diffDocuments(before, after);
    expect(diff.items.added).toEqual([
      {
        id: "e",
        title: "New",
        kind: "feature",
        isKey: false,
        startDate: START,
        endDate: "2027-03-05",
        workstream: null,
      },
    ]);
    expect(diff.items.removed.map((i) => [i.id, i.workstream])).toEqual([["d", "Mobile"]]);
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, moved: 0, changed: 0 });
  });

  it("measures a move in calendar days, later positive, and sorts the largest move first", () => {
    const before = chain();
    const after = withItems(before, (items) =>
      items.map((i) =>
        i.id === "c"
          ? { ...i, startDate: "2027-03-29", endDate: "2027-04-02" } // +14 both ends
          : i.id === "d"
            ? { ...i, startDate: "2027-02-26", endDate: "2027-03-05" } // -3 start, +3 end
            : i.id === "b"
              ? { ...i, endDate: "2027-03-15" } // end only, +3
              : i,
      ),
    );
    const diff = diffDocuments(before, after);
    expect(diff.items.moved.map((m) => [m.id, m.startDays, m.endDays])).toEqual([
      ["c", 14, 14],
      ["d", -3, 3],
      ["b", 0, 3],
    ]);
    expect(diff.items.moved[0]).toMatchObject({
      fromStart: "2027-03-15",
      fromEnd: "2027-03-19",
      startDate: "2027-03-29",
      endDate: "2027-04-02",
    });
    expect(diff.items.changed).toEqual([]);
    // CPM runs from durations, not planned dates: moving c changes no finish, but b is a working
    // day longer, and the chain a -> b -> c with it (16 working days from Monday 03-01).
    expect(diff.projectFinish).toEqual({ before: "2027-03-19", after: "2027-03-22", days: 3 });
  });

  it("reports an item that moved and was retitled in both lists", () => {
    const before = chain();
    const after = withItems(before, (items) =>
      items.map((i) => (i.id === "a" ? { ...i, title: "Renamed", startDate: "2027-03-02" } : i)),
    );
    const diff = diffDocuments(before, after);
    expect(diff.items.moved.map((m) => [m.id, m.title, m.startDays, m.endDays])).toEqual([
      ["a", "Renamed", 1, 0],
    ]);
    expect(diff.items.changed).toEqual([
      expect.objectContaining({ id: "a", fields: [{ field: "title", from: "Item a", to: "Renamed" }] }),
    ]);
  });

  it("reports each other field as from/to, skills compared whatever their order", () => {
    const before = withItems(chain(), (items) =>
      items.map((i) =>
        i.id === "a"
          ? {
              ...i,
              skills: [
                { skill: "Go", hours: 10 },
                { skill: "UX", hours: 4 },
              ],
            }
          : i,
      ),
    );
    const reordered = withItems(before, (items) =>
      items.map((i) => (i.id === "a" ? { ...i, skills: [...i.skills].reverse() } : i)),
    );
    expect(diffDocuments(before, reordered).items.changed).toEqual([]);

    const estimate = { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 };
    const after = withItems(before, (items) =>
      items.map((i) =>
        i.id === "a"
          ? {
              ...i,
              status: "in_progress" as const,
              workstreamId: "lane-b",
              estimate,
              skills: [{ skill: "Go", hours: 12 }],
              owner: "ann@example.com",
              isKey: true,
              description: "Why",
            }
          : i,
      ),
    );
    const [change] = diffDocuments(before, after).items.changed;
    expect(change.isKey).toBe(true);
    expect(change.workstream).toBe("Mobile");
    expect(Object.fromEntries(change.fields.map((f) => [f.field, [f.from, f.to]]))).toEqual({
      status: ["planned", "in_progress"],
      workstream: ["Platform", "Mobile"],
      estimate: [null, estimate],
      skills: [
        [
          { skill: "Go", hours: 10 },
          { skill: "UX", hours: 4 },
        ],
        [{ skill: "Go", hours: 12 }],
      ],
      owner: [null, "ann@example.com"],
      isKey: [false, true],
      description: [null, "Why"],
    });
  });

  it("compares estimates by content: a document read back from jsonb may order keys differently", () => {
    const before = withItems(chain(), (items) =>
      items.map((i) =>
        i.id === "a" ? { ...i, estimate: { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 } } : i,
      ),
    );
    const reordered = withItems(before, (items) =>
      items.map((i) =>
        i.id === "a" ? { ...i, estimate: { pessimisticHours: 40, likelyHours: 16, optimisticHours: 8 } } : i,
      ),
    );
    expect(diffDocuments(before, reordered).items.changed).toEqual([]);
    const longer = withItems(before, (items) =>
      items.map((i) => (i.id === "a" ? { ...i, estimate: { ...i.estimate!, pessimisticHours: 41 } } : i)),
    );
    expect(diffDocuments(before, longer).items.changed.map((c) => c.fields.map((f) => f.field))).toEqual([
      ["estimate"],
    ]);
  });

  it("does not count a lane rename, or a move to a lane of the same name, as a change of the items", () => {
    const before = chain();
    const renamed = {
      ...before,
      workstreams: before.workstreams.map((w) => (w.id === "lane-a" ? { ...w, name: "Core" } : w)),
    };
    const diff = diffDocuments(before, renamed);
    expect(diff.items.changed).toEqual([]);

    const recreated = {
      ...before,
      workstreams: [
        ...before.workstreams.filter((w) => w.id !== "lane-a"),
        { id: "lane-c", name: "Platform", position: 0 },
      ],
      items: before.items.map((i) => (i.workstreamId === "lane-a" ? { ...i, workstreamId: "lane-c" } : i)),
    };
    expect(diffDocuments(before, recreated).items.changed).toEqual([]);
  });

  it("treats cutting an item as removing it (with its links) and un-cutting as adding it", () => {
    const before = chain();
    const cut = withItems(before, (items) =>
      items.map((i) => (i.id === "b" ? { ...i, status: "cut" as const } : i)),
    );
    const diff = diffDocuments(before, cut);
    expect(diff.items.removed.map((i) => i.id)).toEqual(["b"]);
    expect(diff.items.changed).toEqual([]);
    expect(diff.dependencies.removed.map((d) => `${d.fromId}>${d.toId}`)).toEqual(["a>b", "b>c"]);
    expect(diff.dependencies.added).toEqual([]);
    // Without b, a and c are independent one-week items from the start, both critical; d is not.
    expect(diff.criticalPath.after.map((s) => s.id)).toEqual(["a", "c"]);
    expect(diff.projectFinish).toEqual({ before: "2027-03-19", after: "2027-03-05", days: -14 });

    const back = diffDocuments(cut, before);
    expect(back.items.added.map((i) => i.id)).toEqual(["b"]);
    expect(back.dependencies.added).toHaveLength(2);

    // An item cut on both sides is not mentioned even when it changed.
    const cutAndMoved = withItems(cut, (items) =>
      items.map((i) => (i.id === "b" ? { ...i, title: "x", startDate: "2027-03-09" } : i)),
    );
    expect(Object.values(diffDocuments(cut, cutAndMoved).summary).every((n) => n === 0)).toBe(true);
  });

  it("keys links by from->to: a new lag is the old link removed and the new one added", () => {
    const before = chain();
    const after = {
      ...before,
      dependencies: [
        { fromId: "a", toId: "b", lagDays: 2 },
        { fromId: "d", toId: "c", lagDays: 0 },
      ],
    };
    const diff = diffDocuments(before, after);
    expect(diff.dependencies.removed.map((d) => [d.fromTitle, d.toTitle, d.lagDays])).toEqual([
      ["Item a", "Item b", 0],
      ["Item b", "Item c", 0],
    ]);
    expect(diff.dependencies.added.map((d) => [d.fromId, d.toId, d.lagDays])).toEqual([
      ["a", "b", 2],
      ["d", "c", 0],
    ]);
    expect(diff.summary).toMatchObject({ dependenciesAdded: 2, dependenciesRemoved: 2 });
  });

  it("lists risks added, removed and changed, linked items compared as a set", () => {
    const before = doc({
      items: chain().items,
      risks: [risk("r1", { itemIds: ["a", "b"] }), risk("r2", { likelihood: 5, impact: 5 }), risk("r3")],
    });
    const after = {
      ...before,
      risks: [
        risk("r1", { itemIds: ["b", "a"], likelihood: 4, contingency: "Hire", status: "mitigating" }),
        risk("r3", { itemIds: ["c"] }),
        risk("r4", { title: "New", likelihood: 1, impact: 4 }),
      ],
    };
    const diff = diffDocuments(before, after);
    expect(diff.risks.added).toEqual([{ id: "r4", title: "New", score: 4 }]);
    expect(diff.risks.removed).toEqual([{ id: "r2", title: "Risk r2", score: 25 }]);
    expect(diff.risks.changed).toEqual([
      {
        id: "r1",
        title: "Risk r1",
        fields: [
          { field: "likelihood", from: 2, to: 4 },
          { field: "status", from: "open", to: "mitigating" },
          { field: "contingency", from: null, to: "Hire" },
        ],
      },
      { id: "r3", title: "Risk r3", fields: [{ field: "itemIds", from: [], to: ["c"] }] },
    ]);
  });

  it("survives a dependency loop: no critical path, finish = latest planned end", () => {
    const before = chain();
    const loop = {
      ...before,
      dependencies: [...before.dependencies, { fromId: "c", toId: "a", lagDays: 0 }],
    };
    const diff = diffDocuments(before, loop);
    expect(diff.criticalPath.after).toEqual([]);
    expect(diff.projectFinish).toEqual({ before: "2027-03-19", after: "2027-03-19", days: 0 });
    expect(diff.dependencies.added.map((d) => `${d.fromId}>${d.toId}`)).toEqual(["c>a"]);
  });

  it("handles empty documents", () => {
    const empty = doc();
    const diff = diffDocuments(
      empty,
      withItems(empty, () => [item("a")]),
    );
    expect(diff.items.added.map((i) => i.id)).toEqual(["a"]);
    expect(diff.projectFinish).toEqual({ before: START, after: "2027-03-05", days: 4 });
  });

  it("is deterministic whatever the input order, and exact at 10,000 items", () => {
    const N = 10_000;
    const items = Array.from({ length: N }, (_, k) =>
      item(`i${k}`, { startDate: addDays(START, k % 300), endDate: addDays(START, (k % 300) + 5) }),
    );
    const dependencies = Array.from({ length: N - 1 }, (_, k) => ({
      fromId: `i${k}`,
      toId: `i${k + 1}`,
      lagDays: -10,
    }));
    const before = doc({ items, dependencies });
    // Every 3rd item moves k%7+1 days later; every 10th is retitled; the last 50 go, 20 arrive.
    const afterItems = items
      .slice(0, N - 50)
      .map((i, k) =>
        k % 3 === 0
          ? { ...i, startDate: addDays(i.startDate, (k % 7) + 1), endDate: addDays(i.endDate, (k % 7) + 1) }
          : i,
      )
      .map((i, k) => (k % 10 === 0 ? { ...i, title: `${i.title}!` } : i))
      .concat(Array.from({ length: 20 }, (_, k) => item(`new${k}`)));
    const after = doc({ items: afterItems, dependencies: dependencies.slice(0, N - 51) });

    const diff = diffDocuments(before, after);
    expect(diff.summary).toMatchObject({
      added: 20,
      removed: 50,
      moved: Math.ceil((N - 50) / 3),
      changed: Math.ceil((N - 50) / 10),
      dependenciesAdded: 0,
      dependenciesRemoved: 50,
    });
    expect(diff.items.moved[0].startDays).toBe(7);
    expect(diff.items.moved.at(-1)!.startDays).toBe(1);

    const reversed = diffDocuments(
      { ...before, items: [...before.items].reverse(), dependencies: [...dependencies].reverse() },
      { ...after, items: [...after.items].reverse() },
    );
    expect(reversed).toEqual(diff);
  });
});
