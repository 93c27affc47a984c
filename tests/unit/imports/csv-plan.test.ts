import { describe, expect, it } from "vitest";
import { roadmapToCsv } from "@/lib/exports/roadmap-csv";
import { parseCsvPlan } from "@/lib/imports/csv-plan";
import { ImportFormatError } from "@/lib/imports/types";
import { sampleDocument } from "./sample-document";

const reasons = (text: string) => parseCsvPlan(text).skipped.map((s) => `${s.where}: ${s.reason}`);

describe("CSV export read back by the CSV import", () => {
  it("preserves items, lanes, dates, statuses, estimates, skills, owners and links with lags", () => {
    const original = sampleDocument();
    const csv = roadmapToCsv(original);
    const { document, skipped } = parseCsvPlan(csv, { title: "Copy" });
    expect(skipped).toEqual([]);
    const strip = ({ workstreamId: _w, description: _d, ...rest }: (typeof original.items)[number]) => rest;
    expect(document.items.map(strip)).toEqual(original.items.map(strip));
    const laneOf = (doc: typeof document, id: string | null) =>
      doc.workstreams.find((w) => w.id === id)?.name ?? null;
    expect(document.items.map((i) => laneOf(document, i.workstreamId))).toEqual(
      original.items.map((i) => laneOf(original, i.workstreamId)),
    );
    expect(document.dependencies).toEqual(original.dependencies);
    expect(document.roadmap).toMatchObject({ title: "Copy", startDate: "2027-01-01", horizonMonths: 6 });
  });

  it("writes formula-like titles neutralised and restores them on import", () => {
    const csv = roadmapToCsv(sampleDocument());
    expect(csv).toContain(`"'=SUM(A1:A2) SDK, ""typed"""`);
    expect(csv).toContain("'-Legacy export");
    expect(csv).toContain("'@GA");
    const titles = parseCsvPlan(csv).document.items.map((i) => i.title);
    expect(titles).toContain('=SUM(A1:A2) SDK, "typed"');
    expect(titles).toContain("-Legacy export");
    expect(titles).toContain("@GA");
  });

  it("writes the columns the importer documents, with a byte order mark and CRLF", () => {
    const csv = roadmapToCsv(sampleDocument());
    expect(
      csv.startsWith(
        "\uFEFFid,type,title,workstream,start,end,status,key,outcome,optimistic_hours,likely_hours,pessimistic_hours,skills,owner,depends_on\r\n",
      ),
    ).toBe(true);
    expect(csv).toContain("i-beta,milestone");
    expect(csv).toContain("Backend:100; Docs:20");
    expect(csv).toContain("i-sdk-3; i-api");
  });
});

describe("CSV from other tools", () => {
  it("maps common header names, case and spacing aside", () => {
    const csv = [
      "Summary,Epic,Start Date,Due Date,Status,Milestone,Hours,Assignee,Predecessors,Priority",
      "Design,UX,2027/03/03,2027/03/12,To do,no,40,ux@example.com,,High",
      "Build,Eng,2027-03-15,2027-04-09,In Progress,,120,,Design+2,",
      "Launch,Eng,2027-04-16,,Done,yes,,,Build,",
    ].join("\n");
    const { document, skipped } = parseCsvPlan(csv);
    expect(document.roadmap).toMatchObject({ startDate: "2027-03-01", horizonMonths: 3 });
    expect(document.workstreams.map((w) => w.name)).toEqual(["UX", "Eng"]);
    const [design, build, launch] = document.items;
    expect(design).toMatchObject({
      title: "Design",
      startDate: "2027-03-03",
      endDate: "2027-03-12",
      status: "planned",
      owner: "ux@example.com",
    });
    expect(design.estimate).toEqual({ optimisticHours: 40, likelyHours: 40, pessimisticHours: 40 });
    expect(build).toMatchObject({ status: "in_progress", kind: "feature" });
    expect(launch).toMatchObject({
      kind: "milestone",
      startDate: "2027-04-16",
      endDate: "2027-04-16",
      outcome: "Launch reached",
      status: "done",
    });
    expect(document.dependencies).toEqual([
      { fromId: design.id, toId: build.id, lagDays: 2 },
      { fromId: build.id, toId: launch.id, lagDays: 0 },
    ]);
    expect(skipped).toEqual([
      {
        where: "line 1",
        what: 'the column "Priority"',
        reason: "Cairn does not read this column; it was ignored.",
      },
    ]);
  });

  it("refuses a file without a title column, naming the columns it found", () => {
    try {
      parseCsvPlan("Start,End,Owner\n2027-01-01,2027-01-05,a@b.c\n");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFormatError);
      expect((error as ImportFormatError).where).toBe("line 1");
      expect((error as Error).message).toMatch(/no title column.*"Start", "End", "Owner"/);
    }
  });

  it("refuses an empty file and a file whose rows are all unreadable", () => {
    expect(() => parseCsvPlan("")).toThrow(ImportFormatError);
    expect(() => parseCsvPlan("title,start\nA,03/04/2027\n")).toThrow(/nothing to import.*03\/04\/2027/);
  });
});

describe("CSV rows that break a rule are skipped with their line and a reason", () => {
  const header =
    "id,type,title,workstream,start,end,status,key,outcome,optimistic_hours,likely_hours,pessimistic_hours,skills,owner,depends_on";
  const file = (...rows: string[]) =>
    [header, "ok,feature,Anchor,,2027-01-04,2027-01-29,,,,,,,,,", ...rows].join("\r\n");

  it.each([
    ["a,feature,,,2027-01-04,2027-01-08,,,,,,,,,", "line 3: The row has no title."],
    ["a,epic,X,,2027-01-04,2027-01-08,,,,,,,,,", 'line 3: The type "epic" is neither feature nor milestone.'],
    [
      "a,feature,X,,04/01/2027,2027-01-08,,,,,,,,,",
      'line 3: The start date "04/01/2027" is not a date in the form YYYY-MM-DD.',
    ],
    [
      "a,feature,X,,2027-02-30,2027-03-08,,,,,,,,,",
      'line 3: The start date "2027-02-30" is not a date in the form YYYY-MM-DD.',
    ],
    ["a,feature,X,,,,,,,,,,,,", "line 3: The row has neither a start nor an end date."],
    [
      "a,feature,X,,2027-01-04,2027-01-08,blocked-ish,,,,,,,,",
      'line 3: The status "blocked-ish" is not one of planned, in_progress, done, at_risk, cut.',
    ],
    ["a,feature,X,,2027-01-04,2027-01-08,,maybe,,,,,,,", 'line 3: Key should be yes or no, not "maybe".'],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,,ten,,,,",
      'line 3: Likely hours "ten" is not a number of hours.',
    ],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,5,,,,,",
      "line 3: An estimate needs likely hours as well as optimistic or pessimistic hours.",
    ],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,,,,Backend,,",
      'line 3: The skill "Backend" should be written as name:hours, e.g. "Backend:40".',
    ],
    ["a,feature,X,,2027-01-08,2027-01-04,,,,,,,,,", "line 3: A feature cannot end before it starts."],
    [
      "a,milestone,X,,2027-01-08,2027-01-08,,,,,,,,,",
      "line 3: A milestone needs an outcome: the specific, measurable result that marks it reached.",
    ],
    [
      "a,milestone,X,,2027-01-04,2027-01-08,,,Done,,,,,,",
      "line 3: A milestone is a single date: endDate must equal startDate.",
    ],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,9,5,20,,,",
      "line 3: Likely hours must be at least the optimistic hours.",
    ],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,,200000,,,,",
      "line 3: Optimistic hours above 100,000 is not a plausible estimate.",
    ],
    [
      "a,feature,X,,2027-01-04,2031-01-08,,,,,,,,,",
      "line 3: It lies outside the roadmap's horizon (2027-01-01 to 2029-12-31).",
    ],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,,,,,,missing",
      "line 3: No row has that id or title (or that row was left out).",
    ],
    ["a,feature,X,,2027-01-04,2027-01-08,,,,,,,,,a", "line 3: An item cannot depend on itself."],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,,,,,,ok+300",
      "line 3: A lag must be a whole number of working days between -260 and 260.",
    ],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,,,,,not-an-email,",
      'line 3: "not-an-email" is not an email address, so no owner was set.',
    ],
    [
      "a,feature,X,,2027-01-04,2027-01-08,,,,,,,A:1; a:2,,",
      "line 3: The skill is listed twice; the first was kept.",
    ],
    [
      `a,feature,${"T".repeat(201)},,2027-01-04,2027-01-08,,,,,,,,,`,
      "line 3: A title may be at most 200 characters.",
    ],
  ])("%s", (row, reason) => {
    expect(reasons(file(row))).toContain(reason);
  });

  it("drops a repeated link and breaks a loop at the link that closes it", () => {
    const parse = parseCsvPlan(
      file(
        "b,feature,B,,2027-01-04,2027-01-08,,,,,,,,,ok; ok",
        "c,feature,C,,2027-01-04,2027-01-08,,,,,,,,,b",
        "d,feature,D,,2027-01-04,2027-01-08,,,,,,,,,c",
        "ok2,feature,E,,2027-01-04,2027-01-08,,,,,,,,,d",
      ).replace(
        "ok,feature,Anchor,,2027-01-04,2027-01-29,,,,,,,,,",
        "ok,feature,Anchor,,2027-01-04,2027-01-29,,,,,,,,,d",
      ),
    );
    expect(parse.skipped.map((s) => `${s.where}: ${s.reason}`)).toEqual([
      "line 3: The same link appears earlier; it was kept once.",
      // The walk starts at the first row (Anchor), so the link back to it is the one left out.
      'line 2: It would close a loop ("Anchor" → "B" → "C" → "D" → "Anchor"); the link was left out.',
    ]);
    expect(parse.document.dependencies).toHaveLength(4);
  });

  it("resolves depends_on by title when the title is unique, and refuses an ambiguous one", () => {
    const parse = parseCsvPlan(
      file(
        "x1,feature,Twin,,2027-01-04,2027-01-08,,,,,,,,,",
        "x2,feature,Twin,,2027-01-04,2027-01-08,,,,,,,,,",
        "y,feature,Y,,2027-02-01,2027-02-05,,,,,,,,,anchor-1; Twin",
      ),
    );
    expect(parse.document.dependencies).toEqual([{ fromId: "ok", toId: "y", lagDays: -1 }]);
    expect(parse.skipped.map((s) => s.reason)).toEqual([
      "Several rows have that title; use the row's id instead.",
    ]);
  });
});
