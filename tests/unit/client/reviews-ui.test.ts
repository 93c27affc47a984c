import { describe, expect, it } from "vitest";
import { draftFromCadence, rulesFromDraft, sameRules } from "@/components/reviews/cadence-draft";
import {
  criticalPathChanges,
  dayShift,
  diffValue,
  hasChanges,
  linkText,
  overdueText,
  summaryLine,
} from "@/components/reviews/review-text";
import type { DateText } from "@/lib/client/dates";
import { comparisonOf, withNewMark } from "@/components/timeline/ghost-layout";
import { layoutTimeline, makeScale } from "@/lib/planning/timeline-layout";
import type { DiffSummary, RoadmapDiff } from "@/lib/validation/communication";
import type { Item, Workstream } from "@/lib/validation/timeline";

const dt = { date: (iso: string) => `D(${iso})` } as DateText;
const zero: DiffSummary = {
  added: 0,
  removed: 0,
  moved: 0,
  changed: 0,
  dependenciesAdded: 0,
  dependenciesRemoved: 0,
  risksAdded: 0,
  risksRemoved: 0,
  risksChanged: 0,
};

describe("change report words", () => {
  it("signs day shifts with a real minus and says 'same day' for none", () => {
    expect(dayShift(14)).toBe("+14 days");
    expect(dayShift(-3)).toBe("\u22123 days");
    expect(dayShift(1)).toBe("+1 day");
    expect(dayShift(0)).toBe("same day");
  });

  it("sums up a diff in one line, leaving out what did not change", () => {
    expect(summaryLine({ ...zero, moved: 7, added: 2, removed: 1 }, 12)).toBe(
      "7 moved · 2 added · 1 removed · finish +12 days",
    );
    expect(summaryLine({ ...zero, dependenciesAdded: 1, risksChanged: 2 }, 0)).toBe(
      "1 dependency change · 2 risk changes",
    );
    expect(summaryLine(zero, 0)).toBe("No changes");
  });

  it("knows when a diff found nothing", () => {
    const diff = {
      summary: zero,
      projectFinish: { before: "2027-06-01", after: "2027-06-01", days: 0 },
    } as RoadmapDiff;
    expect(hasChanges(diff)).toBe(false);
    expect(hasChanges({ ...diff, summary: { ...zero, risksRemoved: 1 } })).toBe(true);
  });

  it("writes field values as people read them", () => {
    const title = (id: string) => (id === "i1" ? "Billing API" : "?");
    expect(diffValue("estimate", { optimisticHours: 40, likelyHours: 60, pessimisticHours: 90 }, title)).toBe(
      "40/60/90 h",
    );
    expect(diffValue("status", "at_risk", title)).toBe("At risk");
    expect(diffValue("status", "mitigating", title)).toBe("Mitigating");
    expect(diffValue("workstream", null, title)).toBe("no lane");
    expect(diffValue("workstream", "Mobile", title)).toBe("Mobile");
    expect(diffValue("skills", [{ skill: "Backend", hours: 120 }], title)).toBe("Backend 120 h");
    expect(diffValue("itemIds", ["i1"], title)).toBe("Billing API");
    expect(diffValue("isKey", true, title)).toBe("yes");
    expect(diffValue("kind", "external", title)).toBe("External factor");
  });

  it("writes links with their lag or lead", () => {
    expect(linkText({ fromTitle: "A", toTitle: "B", lagDays: 2 })).toBe("A → B, lag 2d");
    expect(linkText({ fromTitle: "A", toTitle: "B", lagDays: -1 })).toBe("A → B, lead 1d");
    expect(linkText({ fromTitle: "A", toTitle: "B", lagDays: 0 })).toBe("A → B");
  });

  it("finds what joined and left the critical path", () => {
    const { joined, left } = criticalPathChanges({
      before: [
        { id: "a", title: "A" },
        { id: "b", title: "B" },
      ],
      after: [
        { id: "b", title: "B" },
        { id: "c", title: "C" },
      ],
    });
    expect([...joined]).toEqual(["c"]);
    expect([...left]).toEqual(["a"]);
  });

  it("says since when and how long a review is overdue, in words", () => {
    const base = {
      audience: "executive" as const,
      every: "1m" as const,
      nextDue: "2026-11-03",
      lastHeldOn: null,
      following: [],
    };
    expect(overdueText({ ...base, overdue: true, daysOverdue: 22, overdueSince: "2026-11-03" }, dt)).toBe(
      "Overdue since D(2026-11-03) · 22 days",
    );
    expect(overdueText({ ...base, overdue: false, daysOverdue: 0, overdueSince: null }, dt)).toBeNull();
  });
});

describe("cadence draft", () => {
  it("starts every audience off (today as its date) except those with rules, and sends only the rules on", () => {
    const draft = draftFromCadence(
      { rules: [{ audience: "executive", every: "1m", nextOn: "2026-12-01" }] },
      "2026-11-25",
    );
    expect(draft.engineering).toEqual({ every: "off", nextOn: "2026-11-25" });
    expect(rulesFromDraft(draft)).toEqual({
      rules: [{ audience: "executive", every: "1m", nextOn: "2026-12-01" }],
      missing: [],
    });
    expect(rulesFromDraft({ ...draft, product: { every: "2w", nextOn: "" } })).toEqual({
      rules: null,
      missing: ["product"],
    });
  });

  it("compares rule sets regardless of order", () => {
    const a = { audience: "executive", every: "1m", nextOn: "2026-12-01" } as const;
    const b = { audience: "product", every: "1w", nextOn: "2026-12-02" } as const;
    expect(sameRules([a, b], [b, a])).toBe(true);
    expect(sameRules([a], [a, b])).toBe(false);
  });
});

describe("timeline comparison ghosts", () => {
  const lanes: Workstream[] = [
    { id: "l-core", roadmapId: "r", name: "Core", position: 0, version: 1 } as Workstream,
    { id: "l-mobile", roadmapId: "r", name: "Mobile", position: 1, version: 1 } as Workstream,
  ];
  const item = (
    id: string,
    lane: string | null,
    start: string,
    end: string,
    kind: Item["kind"] = "feature",
  ) =>
    ({
      id,
      workstreamId: lane,
      kind,
      title: id,
      startDate: start,
      endDate: end,
      status: "planned",
      isKey: false,
    }) as Item;
  const items = [
    item("billing", "l-core", "2027-01-18", "2027-01-29"),
    item("app", "l-mobile", "2027-01-04", "2027-03-26"),
  ];
  const scale = makeScale("2027-01-04", 12, 3);
  const layout = layoutTimeline(lanes, items, scale);
  const ref = { isKey: false, workstream: "Mobile" as string | null };

  const comparison = comparisonOf(
    {
      moved: [
        {
          id: "billing",
          title: "billing",
          kind: "feature",
          ...ref,
          workstream: "Core",
          startDate: "2027-01-18",
          endDate: "2027-01-29",
          fromStart: "2027-01-04",
          fromEnd: "2027-01-15",
          startDays: 14,
          endDays: 14,
        },
      ],
      removed: [
        {
          id: "widget",
          title: "Widget",
          kind: "feature",
          ...ref,
          startDate: "2027-02-01",
          endDate: "2027-02-12",
        },
        {
          id: "late",
          title: "Late",
          kind: "milestone",
          ...ref,
          workstream: "Gone lane",
          startDate: "2027-01-06",
          endDate: "2027-01-06",
        },
      ],
      added: [
        { id: "app", title: "app", kind: "feature", ...ref, startDate: "2027-01-04", endDate: "2027-03-26" },
      ],
    },
    layout,
    scale,
    "Executive review",
  );

  it("draws a moved item's ghost at its old dates in the item's own row", () => {
    const ghost = comparison.ghosts.find((g) => g.id === "billing")!;
    expect(ghost).toMatchObject({
      reason: "moved",
      row: layout.placed.get("billing")!.row,
      x: 0,
      width: 12 * 3,
    });
  });

  it("puts a removed item in the lane of its name, and one of a lane that is gone in the last lane", () => {
    const widget = comparison.ghosts.find((g) => g.id === "widget")!;
    const mobile = layout.lanes.find((l) => l.name === "Mobile")!;
    expect(widget.reason).toBe("removed");
    expect(widget.row).toBe(mobile.firstRow);
    const late = comparison.ghosts.find((g) => g.id === "late")!;
    expect(late.row).toBe(mobile.firstRow);
  });

  it("marks added items in their accessible names", () => {
    expect(withNewMark("Feature: app, Jan.", "app", comparison)).toBe(
      "Feature: app, Jan. New since “Executive review”.",
    );
    expect(withNewMark("Feature: billing.", "billing", comparison)).toBe("Feature: billing.");
  });
});
