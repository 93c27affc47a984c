import { describe, expect, it } from "vitest";
import {
  answerOrder,
  averageText,
  closesInText,
  daysUntil,
  defaultClosesOn,
  distributionSentence,
  partitionRounds,
  ratingLabel,
} from "@/components/feedback-rounds/feedback-facts";
import type { FeedbackRound, FeedbackRoundDetail } from "@/lib/validation/communication";

function round(
  id: string,
  status: "open" | "closed",
  closesOn: string,
  closedAt: string | null = null,
): FeedbackRound {
  return {
    id,
    roadmapId: "r",
    question: `Q ${id}`,
    audience: "executive",
    closesOn,
    status,
    closedAt,
    snapshot: {} as FeedbackRound["snapshot"],
    createdBy: null,
    createdAt: "2026-11-01T10:00:00.000Z",
    version: 1,
    respondentCount: 0,
    responseCount: 0,
  };
}

type Item = FeedbackRoundDetail["items"][number];
const item = (id: string, kind: Item["kind"], startDate: string, endDate = startDate): Item => ({
  id,
  title: id,
  kind,
  isKey: false,
  startDate,
  endDate,
  workstream: null,
});

describe("closing dates", () => {
  it("defaults a new round to a week from today, across a month end", () => {
    expect(defaultClosesOn("2026-11-25")).toBe("2026-12-02");
    expect(defaultClosesOn("2026-12-28")).toBe("2027-01-04");
  });

  it("counts calendar days and says them in words", () => {
    expect(daysUntil("2026-11-25", "2026-11-28")).toBe(3);
    expect(closesInText("2026-11-25", "2026-11-28")).toBe("closes in 3 days");
    expect(closesInText("2026-11-25", "2026-11-26")).toBe("closes tomorrow");
    expect(closesInText("2026-11-25", "2026-11-25")).toBe("closes today");
    expect(closesInText("2026-11-25", "2026-11-20")).toBe("closing date passed");
  });
});

describe("partitionRounds", () => {
  it("puts open rounds first, soonest to close first, and closed ones most recently closed first", () => {
    const { open, closed } = partitionRounds([
      round("late", "open", "2026-12-20"),
      round("old", "closed", "2026-10-01", "2026-09-20T08:00:00.000Z"),
      round("soon", "open", "2026-12-01"),
      round("recent", "closed", "2026-11-10"),
    ]);
    expect(open.map((r) => r.id)).toEqual(["soon", "late"]);
    expect(closed.map((r) => r.id)).toEqual(["recent", "old"]);
  });
});

describe("answerOrder", () => {
  it("lists milestones before features, each by date", () => {
    const ordered = answerOrder([
      item("feature-b", "feature", "2027-02-01", "2027-03-01"),
      item("milestone-late", "milestone", "2027-06-01"),
      item("feature-a", "feature", "2027-01-04", "2027-05-01"),
      item("milestone-early", "milestone", "2027-03-15"),
    ]);
    expect(ordered.map((i) => i.id)).toEqual(["milestone-early", "milestone-late", "feature-a", "feature-b"]);
  });
});

describe("results in words", () => {
  it("formats an average with exactly one decimal, and no answers as a dash", () => {
    expect(averageText(4, "en-US")).toBe("4.0");
    expect(averageText(3.456, "en-US")).toBe("3.5");
    expect(averageText(2.25, "de-DE")).toBe("2,3");
    expect(averageText(null)).toBe("—");
  });

  it("names each rating and describes a distribution for a chart's text equivalent", () => {
    expect(ratingLabel(1)).toBe("Not confident");
    expect(ratingLabel(5)).toBe("Very confident");
    const sentence = distributionSentence(
      { count: 3, average: 3.333, distribution: [0, 1, 0, 2, 0], comments: [] },
      (n) => n.toFixed(1),
    );
    expect(sentence).toBe(
      "3 responses, average 3.3: 0 rated 1 (Not confident), 1 rated 2 (Doubtful), 0 rated 3 (Unsure), 2 rated 4 (Confident), 0 rated 5 (Very confident).",
    );
    expect(
      distributionSentence({ count: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [] }, String),
    ).toBe("No responses yet.");
  });
});
