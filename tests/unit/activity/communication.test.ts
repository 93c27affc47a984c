import { describe, expect, it } from "vitest";
import { makeNameBook } from "@/components/activity/activity-names";
import { describeActivity, sentenceText } from "@/components/activity/describe-activity";
import type { DateText } from "@/lib/client/dates";
import type { Board } from "@/lib/client/timeline";
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
    entity: "review",
    entityId: "x",
    itemId: null,
    action: "created",
    changes: {},
    ...partial,
  };
}

const board = {
  items: [{ id: "i-launch", title: "Public launch", kind: "milestone" }],
  workstreams: [],
} as unknown as Board;

describe("describeActivity for stakeholder communication", () => {
  const roundCreated = entry({
    id: "2",
    entity: "feedback_round",
    entityId: "r-1",
    changes: {
      question: "Is the Q3 plan realistic?",
      audience: "engineering",
      closesOn: "2026-12-04",
      snapshotId: "s",
    },
  });
  const names = makeNameBook({ board }, [roundCreated]);
  const text = (e: ActivityEntry) => sentenceText(describeActivity(e, names, dt).sentence);

  it("says a cadence was set, and lists each audience's rule before and after", () => {
    const d = describeActivity(
      entry({
        entity: "cadence",
        action: "updated",
        changes: {
          rules: {
            from: [{ audience: "executive", every: "1m", nextOn: "2026-12-01" }],
            to: [
              { audience: "executive", every: "1q", nextOn: "2027-01-04" },
              { audience: "engineering", every: "2w", nextOn: "2026-12-07" },
            ],
          },
        },
      }),
      names,
      dt,
    );
    expect(sentenceText(d.sentence)).toBe("changed the review cadence");
    expect(d.fields).toEqual([
      {
        field: "executive",
        label: "Executive review",
        from: "every month, next on D(2026-12-01)",
        to: "every quarter, next on D(2027-01-04)",
      },
      {
        field: "engineering",
        label: "Engineering review",
        from: "off",
        to: "every two weeks, next on D(2026-12-07)",
      },
    ]);
    expect(text(entry({ entity: "cadence", changes: { rules: { from: [], to: [] } } }))).toBe(
      "set the review cadence",
    );
  });

  it("names reviews by audience and date, snapshots by label", () => {
    expect(text(entry({ changes: { audience: "executive", heldOn: "2026-11-25" } }))).toBe(
      "recorded the executive review of D(2026-11-25)",
    );
    expect(text(entry({ entity: "snapshot", changes: { label: "Before the replan", kind: "manual" } }))).toBe(
      "took the snapshot ‘Before the replan’",
    );
  });

  it("describes feedback rounds and responses, naming the round from its opening entry", () => {
    expect(text(roundCreated)).toBe(
      "asked the engineering audience for feedback: ‘Is the Q3 plan realistic?’ (closes D(2026-12-04))",
    );
    expect(
      text(
        entry({
          entity: "feedback_round",
          entityId: "r-1",
          action: "updated",
          changes: { status: { from: "open", to: "closed" } },
        }),
      ),
    ).toBe("closed the feedback round ‘Is the Q3 plan realistic?’");
    expect(
      text(
        entry({ entity: "feedback_response", changes: { roundId: "r-1", itemId: "i-launch", rating: 4 } }),
      ),
    ).toBe("rated ‘Public launch’ 4 out of 5 in the round ‘Is the Q3 plan realistic?’");
    expect(
      text(
        entry({
          entity: "feedback_response",
          action: "updated",
          changes: { roundId: "r-gone", itemId: null, rating: 2 },
        }),
      ),
    ).toBe("changed their rating of the roadmap overall to 2 out of 5 in a feedback round");
  });

  it("describes share links created and revoked", () => {
    expect(
      text(
        entry({
          entity: "share_link",
          changes: { audience: "executive", expiresAt: "2027-01-31T12:00:00.000Z", tokenHint: "x9Qa" },
        }),
      ),
    ).toBe("created a read-only executive share link, open until D(2027-01-31)");
    expect(
      text(
        entry({
          entity: "share_link",
          action: "deleted",
          changes: { status: { from: "active", to: "revoked" } },
        }),
      ),
    ).toBe("revoked a share link");
  });
});
