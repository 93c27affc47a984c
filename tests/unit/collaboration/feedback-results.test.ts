import { describe, expect, it } from "vitest";
import {
  roundItems,
  summarizeRatings,
  tallyFeedback,
  type RatedResponse,
} from "@/lib/collaboration/feedback-results";
import type { Person } from "@/lib/validation/collaboration";
import type { DocumentItem } from "@/lib/validation/roadmap-document";

const at = (minute: number) => new Date(Date.UTC(2027, 0, 4, 9, minute));
let nextId = 0;
const response = (over: Partial<RatedResponse>): RatedResponse => ({
  id: `r${String(++nextId).padStart(3, "0")}`,
  itemId: null,
  rating: 3,
  text: null,
  authorId: "ann",
  updatedAt: at(0),
  ...over,
});

const ann: Person = { id: "ann", name: "Ann", email: "ann@example.test" };
const bob: Person = { id: "bob", name: "Bob", email: "bob@example.test" };
const people = new Map([
  [ann.id, ann],
  [bob.id, bob],
]);

describe("summarizeRatings", () => {
  it("has no average, an empty distribution and no comments without responses", () => {
    expect(summarizeRatings([], people)).toEqual({
      count: 0,
      average: null,
      distribution: [0, 0, 0, 0, 0],
      comments: [],
    });
  });

  it("answers the exact mean (not rounded) and counts each rating in its slot", () => {
    const summary = summarizeRatings(
      [response({ rating: 1 }), response({ rating: 2 }), response({ rating: 2 }), response({ rating: 5 })],
      people,
    );
    expect(summary.count).toBe(4);
    expect(summary.average).toBe(2.5);
    expect(summary.distribution).toEqual([1, 2, 0, 0, 1]);
    const thirds = summarizeRatings(
      [response({ rating: 4 }), response({ rating: 4 }), response({ rating: 5 })],
      people,
    );
    expect(thirds.average).toBeCloseTo(13 / 3, 12);
  });

  it("lists only non-blank texts, newest first, with the author and the rating", () => {
    const summary = summarizeRatings(
      [
        response({ rating: 2, text: "Too late for the launch.", authorId: "ann", updatedAt: at(1) }),
        response({ rating: 4, text: "   ", authorId: "bob", updatedAt: at(9) }),
        response({ rating: 5, text: " Looks right. ", authorId: "bob", updatedAt: at(5) }),
        response({ rating: 3, text: null, authorId: "ann", updatedAt: at(7) }),
        response({ rating: 1, text: "Who owns this?", authorId: "gone", updatedAt: at(3) }),
        response({ rating: 4, text: "From a deleted account", authorId: null, updatedAt: at(2) }),
      ],
      people,
    );
    expect(summary.comments).toEqual([
      { rating: 5, text: "Looks right.", author: bob, at: at(5).toISOString() },
      { rating: 1, text: "Who owns this?", author: null, at: at(3).toISOString() },
      { rating: 4, text: "From a deleted account", author: null, at: at(2).toISOString() },
      { rating: 2, text: "Too late for the launch.", author: ann, at: at(1).toISOString() },
    ]);
    // Responses without a comment still count.
    expect(summary.count).toBe(6);
  });
});

describe("tallyFeedback", () => {
  const items = [
    { id: "m1", title: "Beta" },
    { id: "f1", title: "Search" },
    { id: "f2", title: "Billing" },
    { id: "f3", title: "Unrated" },
  ];

  it("keeps the overall rating apart and lists rated items lowest average first", () => {
    const tally = tallyFeedback(
      [
        response({ itemId: null, rating: 4, authorId: "ann" }),
        response({ itemId: null, rating: 5, authorId: "bob" }),
        response({ itemId: "m1", rating: 5 }),
        response({ itemId: "f1", rating: 2, authorId: "ann" }),
        response({ itemId: "f1", rating: 3, authorId: "bob" }),
        response({ itemId: "f2", rating: 4 }),
      ],
      items,
      people,
    );
    expect(tally.overall).toMatchObject({ count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] });
    expect(tally.items.map((i) => [i.item.id, i.count, i.average])).toEqual([
      ["f1", 2, 2.5],
      ["f2", 1, 4],
      ["m1", 1, 5],
    ]);
    expect(tally.items[0].item).toBe(items[1]);
  });

  it("breaks equal averages by the order the items were given, and leaves out unknown items", () => {
    const tally = tallyFeedback(
      [
        response({ itemId: "f2", rating: 3 }),
        response({ itemId: "m1", rating: 3 }),
        response({ itemId: "not-asked-about", rating: 1 }),
      ],
      items,
      people,
    );
    expect(tally.items.map((i) => i.item.id)).toEqual(["m1", "f2"]);
    expect(tally.overall.count).toBe(0);
    expect(tally.overall.average).toBeNull();
  });

  it("has nothing per item when nobody rated an item", () => {
    const tally = tallyFeedback([response({ itemId: null, rating: 2 })], items, people);
    expect(tally.items).toEqual([]);
    expect(tally.overall.count).toBe(1);
  });
});

describe("roundItems", () => {
  const docItem = (over: Partial<DocumentItem>): DocumentItem => ({
    id: "x",
    workstreamId: null,
    kind: "feature",
    title: "Item",
    description: "Private notes",
    startDate: "2027-02-01",
    endDate: "2027-02-12",
    outcome: null,
    isKey: false,
    status: "planned",
    estimate: null,
    skills: [],
    owner: "owner@example.test",
    ...over,
  });

  it("lists milestones first, then by date, skips cut items and names the lane", () => {
    const refs = roundItems({
      workstreams: [{ id: "lane", name: "Platform", position: 0 }],
      items: [
        docItem({ id: "late", title: "Late feature", startDate: "2027-05-03", endDate: "2027-05-14" }),
        docItem({ id: "cut", title: "Dropped", status: "cut" }),
        docItem({
          id: "m2",
          kind: "milestone",
          title: "GA",
          startDate: "2027-06-01",
          endDate: "2027-06-01",
          isKey: true,
        }),
        docItem({ id: "early", title: "Early feature", workstreamId: "lane", status: "done" }),
        docItem({
          id: "m1",
          kind: "milestone",
          title: "Beta",
          startDate: "2027-03-01",
          endDate: "2027-03-01",
        }),
        docItem({
          id: "gone-lane",
          title: "Orphan",
          startDate: "2027-04-01",
          endDate: "2027-04-02",
          workstreamId: "deleted",
        }),
      ],
    });
    expect(refs.map((r) => r.id)).toEqual(["m1", "m2", "early", "gone-lane", "late"]);
    expect(refs[1]).toEqual({
      id: "m2",
      title: "GA",
      kind: "milestone",
      isKey: true,
      startDate: "2027-06-01",
      endDate: "2027-06-01",
      workstream: null,
    });
    expect(refs[2].workstream).toBe("Platform");
    expect(refs[3].workstream).toBeNull();
    // Only the reference fields: no owner, description or estimate.
    expect(Object.keys(refs[2]).sort()).toEqual([
      "endDate",
      "id",
      "isKey",
      "kind",
      "startDate",
      "title",
      "workstream",
    ]);
  });
});
