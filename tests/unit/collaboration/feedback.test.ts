import { describe, expect, it } from "vitest";
import { emptyFeedback, summarizeFeedback, type FeedbackComment } from "@/lib/collaboration/feedback";

const at = (minute: number) => new Date(Date.UTC(2027, 0, 4, 9, minute));
const comment = (over: Partial<FeedbackComment>): FeedbackComment => ({
  authorId: "a",
  feasibility: null,
  createdAt: at(0),
  deleted: false,
  parentId: null,
  resolved: false,
  ...over,
});

describe("summarizeFeedback", () => {
  it("is all zeros without comments", () => {
    expect(summarizeFeedback([])).toEqual(emptyFeedback());
    expect(emptyFeedback()).toEqual({ comments: 0, unresolved: 0, feasible: 0, concerns: 0, notFeasible: 0 });
  });

  it("counts each author's latest verdict once, whatever the order of the input", () => {
    const comments = [
      comment({ authorId: "a", feasibility: "feasible", createdAt: at(1) }),
      comment({ authorId: "a", feasibility: "not_feasible", createdAt: at(5), parentId: "t" }),
      comment({ authorId: "a", feasibility: null, createdAt: at(9), parentId: "t" }),
      comment({ authorId: "b", feasibility: "concerns", createdAt: at(2) }),
      comment({ authorId: "c", feasibility: "concerns", createdAt: at(3) }),
      comment({ authorId: "c", feasibility: "feasible", createdAt: at(4) }),
    ];
    const expected = { comments: 6, unresolved: 4, feasible: 1, concerns: 1, notFeasible: 1 };
    expect(summarizeFeedback(comments)).toEqual(expected);
    expect(summarizeFeedback([...comments].reverse())).toEqual(expected);
  });

  it("a deleted verdict falls back to the author's previous one; deleted comments count for nothing", () => {
    expect(
      summarizeFeedback([
        comment({ authorId: "a", feasibility: "feasible", createdAt: at(1) }),
        comment({ authorId: "a", feasibility: "not_feasible", createdAt: at(2), deleted: true }),
        comment({ authorId: "b", feasibility: "concerns", createdAt: at(3), deleted: true }),
      ]),
    ).toEqual({ comments: 1, unresolved: 1, feasible: 1, concerns: 0, notFeasible: 0 });
  });

  it("unresolved counts live root comments not resolved; replies and resolved threads do not", () => {
    expect(
      summarizeFeedback([
        comment({}),
        comment({ resolved: true }),
        comment({ parentId: "x" }),
        comment({ deleted: true }),
      ]),
    ).toMatchObject({ comments: 3, unresolved: 1 });
  });

  it("verdicts of authors whose account is gone no longer count; their comments still do", () => {
    expect(summarizeFeedback([comment({ authorId: null, feasibility: "feasible" })])).toEqual({
      ...emptyFeedback(),
      comments: 1,
      unresolved: 1,
    });
  });
});
