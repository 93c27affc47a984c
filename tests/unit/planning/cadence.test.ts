import { describe, expect, it } from "vitest";
import { nextReviews, reviewStatus, type ReviewFrequency, type ReviewRule } from "@/lib/planning/cadence";
import { addDays } from "@/lib/planning/civil-date";

function rule(frequency: ReviewFrequency, anchorDate: string): ReviewRule {
  return { audience: "executive", frequency, anchorDate };
}

describe("nextReviews", () => {
  it("clamps a monthly rule anchored on the 31st to each month's last day, without drifting", () => {
    expect(nextReviews(rule("monthly", "2027-01-31"), { from: "2027-01-01", until: "2027-06-30" })).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
      "2027-06-30",
    ]);
  });

  it("gives February 29 in a leap year", () => {
    expect(nextReviews(rule("monthly", "2028-01-31"), { from: "2028-02-01", until: "2028-03-31" })).toEqual([
      "2028-02-29",
      "2028-03-31",
    ]);
    expect(nextReviews(rule("quarterly", "2027-11-30"), { from: "2027-11-01", until: "2028-12-31" })).toEqual(
      ["2027-11-30", "2028-02-29", "2028-05-30", "2028-08-30", "2028-11-30"],
    );
  });

  it("steps a fortnightly rule 14 days from its anchor, not from `from`", () => {
    // Anchor Monday 2027-03-01: 03-15, 03-29, 04-12, 04-26, 05-10, 05-24 ...
    expect(
      nextReviews(rule("fortnightly", "2027-03-01"), { from: "2027-04-01", until: "2027-05-15" }),
    ).toEqual(["2027-04-12", "2027-04-26", "2027-05-10"]);
  });

  it("includes both bounds and nothing outside them", () => {
    const weekly = rule("weekly", "2027-03-01");
    expect(nextReviews(weekly, { from: "2027-03-08", until: "2027-03-22" })).toEqual([
      "2027-03-08",
      "2027-03-15",
      "2027-03-22",
    ]);
    expect(nextReviews(weekly, { from: "2027-03-09", until: "2027-03-21" })).toEqual(["2027-03-15"]);
    expect(nextReviews(weekly, { from: "2027-03-16", until: "2027-03-21" })).toEqual([]);
    expect(nextReviews(weekly, { from: "2027-03-22", until: "2027-03-08" })).toEqual([]);
  });

  it("lists nothing before a rule anchored in the future", () => {
    expect(nextReviews(rule("monthly", "2027-06-15"), { from: "2027-01-01", until: "2027-08-31" })).toEqual([
      "2027-06-15",
      "2027-07-15",
      "2027-08-15",
    ]);
    expect(nextReviews(rule("weekly", "2027-06-15"), { from: "2027-01-01", until: "2027-06-14" })).toEqual(
      [],
    );
  });

  it("leaves out due dates on or before the last held review", () => {
    const weekly = rule("weekly", "2027-03-01");
    expect(
      nextReviews(weekly, { from: "2027-03-01", until: "2027-03-22", lastHeldOn: "2027-03-08" }),
    ).toEqual(["2027-03-15", "2027-03-22"]);
    expect(
      nextReviews(weekly, { from: "2027-03-01", until: "2027-03-22", lastHeldOn: "2027-03-07" }),
    ).toEqual(["2027-03-08", "2027-03-15", "2027-03-22"]);
  });

  it("agrees with the full list from the anchor for every start day over two years", () => {
    for (const [frequency, anchor] of [
      ["weekly", "2027-01-06"],
      ["fortnightly", "2027-01-06"],
      ["monthly", "2027-01-31"],
      ["monthly", "2027-03-29"],
      ["quarterly", "2027-08-31"],
    ] as const) {
      const r = rule(frequency, anchor);
      const all = nextReviews(r, { from: "2027-01-01", until: "2029-12-31" });
      for (let from = "2027-01-01"; from <= "2028-12-31"; from = addDays(from, 1)) {
        const until = addDays(from, 200);
        const expected = all.filter((d) => d >= from && d <= until);
        expect(nextReviews(r, { from, until }), `${frequency} ${anchor} from ${from}`).toEqual(expected);
      }
    }
  });

  it("rejects an unknown frequency and a malformed date", () => {
    expect(() =>
      nextReviews(
        { ...rule("weekly", "2027-01-01"), frequency: "daily" as ReviewFrequency },
        {
          from: "2027-01-01",
          until: "2027-02-01",
        },
      ),
    ).toThrow(RangeError);
    expect(() =>
      nextReviews(rule("weekly", "2027-02-30"), { from: "2027-01-01", until: "2027-02-01" }),
    ).toThrow(RangeError);
  });
});

describe("reviewStatus", () => {
  const monthly = rule("monthly", "2027-01-15");

  it("is overdue when the last due date passed after the last held review", () => {
    expect(reviewStatus(monthly, { today: "2027-03-20", lastHeldOn: "2027-02-16" })).toEqual({
      nextDue: "2027-04-15",
      overdue: true,
      daysOverdue: 5,
      overdueSince: "2027-03-15",
    });
  });

  it("is not overdue when the review was held on or after the last due date", () => {
    expect(reviewStatus(monthly, { today: "2027-03-20", lastHeldOn: "2027-03-15" })).toEqual({
      nextDue: "2027-04-15",
      overdue: false,
      daysOverdue: 0,
      overdueSince: null,
    });
    expect(reviewStatus(monthly, { today: "2027-03-20", lastHeldOn: "2027-03-18" }).overdue).toBe(false);
  });

  it("counts a review held a day early as not covering its due date", () => {
    expect(reviewStatus(monthly, { today: "2027-03-20", lastHeldOn: "2027-03-14" })).toMatchObject({
      overdue: true,
      daysOverdue: 5,
      overdueSince: "2027-03-15",
    });
    // ... but before the due date passes, that date is simply next.
    expect(reviewStatus(monthly, { today: "2027-03-14", lastHeldOn: "2027-03-14" })).toMatchObject({
      nextDue: "2027-03-15",
      overdue: false,
    });
  });

  it("treats a review due today as due, not overdue; held today, the next one is due", () => {
    expect(reviewStatus(monthly, { today: "2027-03-15", lastHeldOn: "2027-02-15" })).toEqual({
      nextDue: "2027-03-15",
      overdue: false,
      daysOverdue: 0,
      overdueSince: null,
    });
    expect(reviewStatus(monthly, { today: "2027-03-15", lastHeldOn: "2027-03-15" }).nextDue).toBe(
      "2027-04-15",
    );
  });

  it("counts from the anchor when no review was ever held, or none since the anchor", () => {
    // 2027-01-15 -> 2027-03-20: 31 + 28 + 5 days.
    expect(reviewStatus(monthly, { today: "2027-03-20" })).toEqual({
      nextDue: "2027-04-15",
      overdue: true,
      daysOverdue: 64,
      overdueSince: "2027-01-15",
    });
    expect(reviewStatus(monthly, { today: "2027-01-20", lastHeldOn: "2026-12-20" })).toMatchObject({
      overdue: true,
      daysOverdue: 5,
      overdueSince: "2027-01-15",
    });
  });

  it("is never overdue before a rule anchored in the future starts", () => {
    expect(reviewStatus(rule("weekly", "2027-06-15"), { today: "2027-03-01", lastHeldOn: null })).toEqual({
      nextDue: "2027-06-15",
      overdue: false,
      daysOverdue: 0,
      overdueSince: null,
    });
  });

  it("flags a quarterly review missed on a clamped leap day", () => {
    expect(
      reviewStatus(rule("quarterly", "2027-11-30"), { today: "2028-03-01", lastHeldOn: "2027-11-30" }),
    ).toEqual({ nextDue: "2028-05-30", overdue: true, daysOverdue: 1, overdueSince: "2028-02-29" });
  });

  it("steps fortnightly from the anchor when finding the next due date", () => {
    expect(
      reviewStatus(rule("fortnightly", "2027-03-01"), { today: "2027-04-13", lastHeldOn: "2027-04-12" }),
    ).toEqual({ nextDue: "2027-04-26", overdue: false, daysOverdue: 0, overdueSince: null });
  });
});
