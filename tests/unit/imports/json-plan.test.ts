import { describe, expect, it } from "vitest";
import { parseJsonPlan } from "@/lib/imports/json-plan";
import { ImportFormatError } from "@/lib/imports/types";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import { sampleDocument } from "./sample-document";

const viaJson = (document: unknown) => parseJsonPlan(JSON.parse(JSON.stringify(document)));

function edited(edit: (d: RoadmapDocument) => void): RoadmapDocument {
  const d = sampleDocument();
  edit(d);
  return d;
}

const skips = (d: RoadmapDocument) => viaJson(d).skipped.map((s) => `${s.where}: ${s.what}: ${s.reason}`);

describe("parseJsonPlan", () => {
  it("reads its own export back unchanged", () => {
    const original = sampleDocument();
    const parse = viaJson(original);
    expect(parse.source).toBe("json");
    expect(parse.skipped).toEqual([]);
    expect(parse.document).toEqual(original);
  });

  it("takes the title given for the new roadmap", () => {
    expect(parseJsonPlan(sampleDocument(), { title: " Copy " }).document.roadmap.title).toBe("Copy");
  });

  it("refuses a document of the wrong shape, naming the first problem's path and up to five issues", () => {
    const bad = {
      ...sampleDocument(),
      items: sampleDocument().items.map((i) => ({ ...i, kind: "epic", status: 3 })),
    };
    try {
      parseJsonPlan(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFormatError);
      expect((error as ImportFormatError).where).toBe("items[0].kind");
      expect((error as Error).message).toMatch(
        /^This is not a Cairn roadmap export: items\[0\]\.kind: .*\(and 5 more\)\.$/,
      );
      expect((error as Error).message.split("; ")).toHaveLength(5);
    }
    expect(() => parseJsonPlan(null)).toThrow(ImportFormatError);
    expect(() => parseJsonPlan({ format: "other" })).toThrow(/not a Cairn roadmap export/);
  });

  it("refuses NUL characters, which PostgreSQL text cannot hold", () => {
    expect(() => parseJsonPlan(edited((d) => (d.items[0].title = "a\u0000b")))).toThrow(/NUL/);
  });
});

describe("each domain rule skips what breaks it, with a reason", () => {
  it.each<[string, (d: RoadmapDocument) => void, string]>([
    [
      "a milestone without an outcome",
      (d) => (d.items[2].outcome = "  "),
      'items[2]: milestone "Beta | launch": A milestone needs an outcome: the specific, measurable result that marks it reached.',
    ],
    [
      "a milestone over two dates",
      (d) => (d.items[4].endDate = "2027-07-01"),
      'items[4]: milestone "@GA": A milestone is a single date: endDate must equal startDate.',
    ],
    [
      "a milestone with an estimate",
      (d) => (d.items[4].estimate = { optimisticHours: 1, likelyHours: 1, pessimisticHours: 1 }),
      'items[4]: milestone "@GA": Milestones take no hours; put estimates on features.',
    ],
    [
      "a feature ending before it starts",
      (d) => (d.items[0].endDate = "2027-01-01"),
      'items[0]: feature "Public API": A feature cannot end before it starts.',
    ],
    [
      "an impossible date",
      (d) => (d.items[0].endDate = "2027-02-30"),
      'items[0]: feature "Public API": The end date "2027-02-30" is not a real date in the form YYYY-MM-DD.',
    ],
    [
      "a date in another form",
      (d) => (d.items[0].startDate = "04/01/2027"),
      'items[0]: feature "Public API": The start date "04/01/2027" is not a real date in the form YYYY-MM-DD.',
    ],
    [
      "likely below optimistic",
      (d) => (d.items[0].estimate = { optimisticHours: 9, likelyHours: 5, pessimisticHours: 9 }),
      'items[0]: feature "Public API": Likely hours must be at least the optimistic hours.',
    ],
    [
      "a negative estimate",
      (d) => (d.items[0].estimate = { optimisticHours: -1, likelyHours: 5, pessimisticHours: 9 }),
      'items[0]: feature "Public API": Optimistic hours cannot be negative.',
    ],
    [
      "an empty title",
      (d) => (d.items[3].title = " "),
      'items[3]: feature "(untitled)": Title must not be empty.',
    ],
    [
      "an item before the horizon",
      (d) => (d.items[3].startDate = "2026-12-31"),
      `items[3]: feature "-Legacy export": It lies outside the roadmap's horizon (2027-01-01 to 2027-12-31).`,
    ],
    [
      "an item after the horizon",
      (d) => ((d.items[4].startDate = "2028-01-03"), (d.items[4].endDate = "2028-01-03")),
      `items[4]: milestone "@GA": It lies outside the roadmap's horizon (2027-01-01 to 2027-12-31).`,
    ],
    [
      "a repeated item id",
      (d) => d.items.push({ ...d.items[0], title: "Again" }),
      'items[5]: feature "Again": Another item has the same id; only the first was kept.',
    ],
    [
      "a missing lane",
      (d) => (d.items[0].workstreamId = "w-gone"),
      'items[0]: the lane of feature "Public API": Its lane is not in the file (or was left out); the item was put in no lane.',
    ],
    [
      "a lane without a name",
      (d) => (d.workstreams[1].name = " "),
      "workstreams[1]: a lane without a name: A lane needs a name; its items were put in no lane.",
    ],
    [
      "a repeated lane id",
      (d) => d.workstreams.push({ id: "w-core", name: "Dup", position: 2 }),
      'workstreams[2]: lane "Dup": Another lane has the same id; only the first was kept.',
    ],
    [
      "a link to a missing item",
      (d) => d.dependencies.push({ fromId: "i-nope", toId: "i-ga", lagDays: 0 }),
      'dependencies[4]: the link "i-nope" → "@GA": It links to i-nope, an item that is not in the file or was left out.',
    ],
    [
      "a self-link",
      (d) => d.dependencies.push({ fromId: "i-ga", toId: "i-ga", lagDays: 0 }),
      'dependencies[4]: the link "@GA" → "@GA": An item cannot depend on itself.',
    ],
    [
      "a lag beyond a year",
      (d) => (d.dependencies[0].lagDays = -261),
      'dependencies[0]: the link "Public API" → "=SUM(A1:A2) SDK, "typed"": A lag must be a whole number of working days between -260 and 260.',
    ],
    [
      "a repeated link",
      (d) => d.dependencies.push({ fromId: "i-api", toId: "i-sdk", lagDays: 5 }),
      'dependencies[4]: the link "Public API" → "=SUM(A1:A2) SDK, "typed"": The same link appears earlier; it was kept once.',
    ],
    [
      "a loop",
      (d) => d.dependencies.push({ fromId: "i-ga", toId: "i-api", lagDays: 0 }),
      'dependencies[4]: the link "@GA" → "Public API": It would close a loop ("Public API" → "=SUM(A1:A2) SDK, "typed"" → "Beta | launch" → "@GA" → "Public API"); the link was left out.',
    ],
    [
      "a risk likelihood of 6",
      (d) => (d.risks[0].likelihood = 6),
      'risks[0]: risk "Vendor delay": Likelihood and impact must each be a whole number from 1 to 5.',
    ],
    [
      "a risk impact of 0",
      (d) => (d.risks[1].impact = 0),
      'risks[1]: risk "Hiring": Likelihood and impact must each be a whole number from 1 to 5.',
    ],
    [
      "a risk naming a skipped item",
      (d) => (d.items[0].title = ""),
      'risks[0]: 1 item link of risk "Vendor delay": The risk named items that are not in the file, were left out or were listed twice.',
    ],
    [
      "a risk delay beyond a year",
      (d) => (d.risks[0].delayDays = 300),
      'risks[0]: the delay of risk "Vendor delay": A delay must be 0 to 260 working days; none was set.',
    ],
    [
      "a risk owner that is not an email",
      (d) => (d.risks[0].owner = "Ada"),
      'risks[0]: the owner of risk "Vendor delay": "Ada" is not an email address, so no owner was set.',
    ],
    [
      "a staffing quarter outside the horizon",
      (d) => (d.staffing!.rows[0].quarter = "2028-Q1"),
      `staffing.rows[0]: staffing of "Backend" in "2028-Q1": The quarter lies outside the roadmap's horizon (2027-01-01 to 2027-12-31).`,
    ],
    [
      "a staffing quarter written wrong",
      (d) => (d.staffing!.rows[0].quarter = "Q1 2027"),
      'staffing.rows[0]: staffing of "Backend" in "Q1 2027": A quarter is written like "2027-Q1".',
    ],
    [
      "staffing hours beyond 80 a week",
      (d) => (d.staffing!.rows[0].hoursPerWeek = 90),
      'staffing.rows[0]: staffing of "Backend" in "2027-Q1": Hours per week must be between 0 and 80.',
    ],
    [
      "a horizon of 48 months",
      (d) => (d.roadmap.horizonMonths = 48),
      "roadmap.horizonMonths: a horizon of 48 months: A roadmap spans 3 to 36 months; the horizon was set to 36 months.",
    ],
  ])("%s", (_rule, edit, expected) => {
    expect(skips(edited(edit))).toContain(expected);
  });

  it("keeps everything else when one thing is skipped", () => {
    const parse = viaJson(edited((d) => (d.items[2].outcome = null)));
    expect(parse.document.items.map((i) => i.id)).toEqual(["i-api", "i-sdk", "i-old", "i-ga"]);
    expect(parse.document.dependencies).toEqual([{ fromId: "i-api", toId: "i-sdk", lagDays: 2 }]);
    expect(parse.document.risks[0].itemIds).toEqual(["i-api"]);
  });

  it("refuses a roadmap start that is not a date", () => {
    expect(() => viaJson(edited((d) => (d.roadmap.startDate = "soon")))).toThrow(ImportFormatError);
  });

  it("breaks loops in a large plan quickly", () => {
    const d = edited(() => {});
    d.items = Array.from({ length: 5_000 }, (_, i) => ({
      ...sampleDocument().items[0],
      id: `n${i}`,
      title: `N${i}`,
      workstreamId: null,
      skills: [],
      owner: null,
    }));
    // A long chain, written from its end backwards (the costly order), closed into a ring.
    d.dependencies = Array.from({ length: 4_999 }, (_, k) => ({
      fromId: `n${4_998 - k}`,
      toId: `n${4_999 - k}`,
      lagDays: 0,
    }));
    d.dependencies.push({ fromId: "n4999", toId: "n0", lagDays: 0 });
    d.risks = [];
    const started = performance.now();
    const parse = viaJson(d);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parse.document.dependencies).toHaveLength(4_999);
    expect(parse.skipped).toHaveLength(1);
    expect(parse.skipped[0].where).toBe("dependencies[4999]");
  });
});
