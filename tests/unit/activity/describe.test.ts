import { describe, expect, it } from "vitest";
import { makeNameBook } from "@/components/activity/activity-names";
import { changeRunsSince } from "@/components/activity/change-runs";
import { describeActivity, sentenceText } from "@/components/activity/describe-activity";
import { describeNotification } from "@/components/notifications/describe-notification";
import type { DateText } from "@/lib/client/dates";
import type { Board } from "@/lib/client/timeline";
import type { ActivityEntry, Notification } from "@/lib/validation/collaboration";

const dt: DateText = {
  date: (iso) => `D(${iso})`,
  range: (a, b) => `D(${a})–D(${b})`,
  monthShort: (iso) => iso,
  monthLong: (iso) => iso,
};

const priya = { id: "u-priya", name: "Priya Shah", email: "priya@example.com" };

function entry(partial: Partial<ActivityEntry>): ActivityEntry {
  return {
    id: "1",
    seq: 1,
    at: "2026-11-25T10:00:00.000Z",
    actor: priya,
    entity: "item",
    entityId: "i-vault",
    itemId: "i-vault",
    action: "updated",
    changes: {},
    ...partial,
  };
}

const board = {
  items: [
    { id: "i-vault", title: "Card vault", kind: "feature" },
    { id: "i-checkout", title: "Checkout GA", kind: "milestone" },
  ],
  workstreams: [{ id: "l-mobile", name: "Mobile" }],
} as unknown as Board;
const members = [
  { user: { id: "u-marcus", name: "Marcus Lee", email: "m@example.com" }, role: "editor", joinedAt: "" },
];

describe("describeActivity", () => {
  const names = makeNameBook(
    { board, members: members as never, skills: [{ id: "s-be", name: "Backend" }] },
    [],
  );

  it("says a date-only change moved the item and lists each date before and after", () => {
    const d = describeActivity(
      entry({
        changes: {
          startDate: { from: "2027-03-03", to: "2027-03-10" },
          endDate: { from: "2027-03-12", to: "2027-03-19" },
          version: 4,
        },
      }),
      names,
      dt,
    );
    expect(sentenceText(d.sentence)).toBe("moved ‘Card vault’");
    expect(d.fields).toEqual([
      { field: "startDate", label: "Start date", from: "D(2027-03-03)", to: "D(2027-03-10)" },
      { field: "endDate", label: "End date", from: "D(2027-03-12)", to: "D(2027-03-19)" },
    ]);
  });

  it("names owners, lanes, statuses, estimates and skills in words", () => {
    const d = describeActivity(
      entry({
        changes: {
          ownerId: { from: null, to: "u-marcus" },
          workstreamId: { from: "l-gone", to: "l-mobile" },
          status: { from: "planned", to: "at_risk" },
          estimate: { from: null, to: { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 } },
          skills: { from: [], to: [{ skillId: "s-be", hours: 16 }] },
        },
      }),
      names,
      dt,
    );
    expect(sentenceText(d.sentence)).toBe("changed ‘Card vault’");
    expect(d.fields.map((f) => `${f.label}: ${f.from} → ${f.to}`)).toEqual([
      "Status: Planned → At risk",
      "Owner: nobody → Marcus Lee",
      "Lane: a removed lane → Mobile",
      "Estimate: none → 16 h likely (8–40 h)",
      "Skills: none → Backend 16 h",
    ]);
  });

  it("takes the name of a deleted item from the entries when the board no longer has it", () => {
    const entries = [
      entry({
        entityId: "i-old",
        itemId: "i-old",
        action: "deleted",
        changes: { title: "Legacy export", version: 3 },
      }),
      entry({
        entity: "comment",
        entityId: "c-1",
        itemId: "i-old",
        action: "created",
        changes: { excerpt: "Why?" },
      }),
    ];
    const book = makeNameBook({ board }, entries);
    expect(sentenceText(describeActivity(entries[0], book, dt).sentence)).toBe("deleted ‘Legacy export’");
    const comment = describeActivity(entries[1], book, dt);
    expect(sentenceText(comment.sentence)).toBe("commented on ‘Legacy export’");
    expect(comment.excerpt).toBe("Why?");
  });

  it("describes lanes and dependencies by name", () => {
    const rename = entry({
      entity: "workstream",
      entityId: "l-mobile",
      itemId: null,
      changes: { name: { from: "Mobile", to: "Apps" }, version: 2 },
    });
    expect(sentenceText(describeActivity(rename, names, dt).sentence)).toBe(
      "renamed the lane ‘Mobile’ to ‘Apps’",
    );
    const link = entry({
      entity: "dependency",
      entityId: "d-1",
      itemId: null,
      action: "created",
      changes: { fromId: "i-vault", toId: "i-checkout", lagDays: 2 },
    });
    expect(sentenceText(describeActivity(link, names, dt).sentence)).toBe(
      "added a dependency: ‘Checkout GA’ starts after ‘Card vault’ finishes, 2 working days after it",
    );
  });
});

describe("describeNotification", () => {
  const base: Notification = {
    id: "n-1",
    kind: "mention",
    read: false,
    createdAt: "2026-11-25T10:00:00.000Z",
    actor: priya,
    teamId: "t-1",
    roadmapId: "r-1",
    roadmapTitle: "Payments platform 2027",
    itemId: "i-checkout",
    itemTitle: "Checkout GA",
    commentId: "c-1",
    excerpt: "please check",
    fields: [],
  };

  it("says who did what where, and links to the roadmap with the item open", () => {
    const n = describeNotification(base);
    expect(`${n.actor}${sentenceText(n.sentence)}`).toBe(
      "Priya Shah mentioned you on ‘Checkout GA’ in Payments platform 2027",
    );
    expect(n.href).toBe("/roadmaps/r-1?item=i-checkout");
  });

  it("lists the changed fields of an item the reader owns, dates as one word", () => {
    const n = describeNotification({
      ...base,
      kind: "item_changed",
      fields: ["startDate", "endDate", "status"],
    });
    expect(sentenceText(n.sentence)).toBe(
      " changed the dates and status of your item ‘Checkout GA’ in Payments platform 2027",
    );
    const deleted = describeNotification({ ...base, kind: "item_changed", fields: ["deleted"] });
    expect(sentenceText(deleted.sentence)).toBe(" deleted your item ‘Checkout GA’ in Payments platform 2027");
  });

  it("has no link when the roadmap is gone", () => {
    expect(describeNotification({ ...base, roadmapId: null, roadmapTitle: null }).href).toBeNull();
  });
});

describe("changeRunsSince", () => {
  const marcus = { id: "u-marcus", name: "Marcus Lee", email: "m@example.com" };
  const change = (
    seq: number,
    actor: typeof priya,
    changes: Record<string, unknown>,
    extra: Partial<ActivityEntry> = {},
  ) => entry({ id: String(seq), seq, actor, changes, ...extra });

  it("groups the changes after the version by person, newest first, with the fields each touched", () => {
    const entries = [
      change(6, priya, { ownerId: { from: null, to: "u-marcus" }, version: 6 }),
      change(5, priya, { startDate: { from: "2027-03-01", to: "2027-03-08" }, version: 5 }),
      change(4, marcus, { status: { from: "planned", to: "at_risk" }, version: 4 }),
      change(3, marcus, { excerpt: "a comment" }, { entity: "comment", entityId: "c-1" }),
      change(2, priya, { title: { from: "A", to: "B" }, version: 3 }),
      change(
        1,
        marcus,
        { startDate: { from: "2027-02-01", to: "2027-03-01" }, version: 4 },
        { entityId: "i-other" },
      ),
    ];
    const runs = changeRunsSince(entries, "i-vault", 3);
    expect(runs.map((r) => [r.actor?.name, r.what])).toEqual([
      ["Priya Shah", ["owner", "start date"]],
      ["Marcus Lee", ["status"]],
    ]);
    expect(changeRunsSince(entries, "i-vault", 6)).toEqual([]);
  });

  it("says when the item was deleted", () => {
    const runs = changeRunsSince(
      [change(9, marcus, { title: "Card vault", version: 8 }, { action: "deleted" })],
      "i-vault",
      7,
    );
    expect(runs[0].what).toEqual(["deleted it"]);
  });
});
