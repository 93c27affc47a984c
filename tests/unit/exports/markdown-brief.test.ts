import { describe, expect, it } from "vitest";
import { escapeMarkdown, roadmapToMarkdown } from "@/lib/exports/markdown-brief";
import { sampleDocument } from "../imports/sample-document";

const FACTS = {
  projectFinish: "2027-07-14",
  criticalPath: ["i-api", "i-sdk", "i-beta", "i-ga"],
  generatedAt: "2027-02-01T09:00:00.000Z",
};

/** The lines of a section, from its heading to the next "## ". */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start + 1, end === -1 ? undefined : end).filter(Boolean);
}

/** Splits a table row on unescaped pipes. */
const cellsOf = (row: string) =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());

describe("escapeMarkdown", () => {
  it("escapes every Markdown special so that text stays text", () => {
    expect(escapeMarkdown("a|b *c* _d_ `e` [f](g) <script> # h ~i~ !j \\k")).toBe(
      "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<script\\> \\# h \\~i\\~ \\!j \\\\k",
    );
  });

  it("puts multi-line text on one line and drops control characters", () => {
    expect(escapeMarkdown("one\r\n  two\nthree\u0007")).toBe("one two three");
  });
});

describe("roadmapToMarkdown", () => {
  const markdown = roadmapToMarkdown(sampleDocument(), FACTS);

  it("opens with the title, the horizon and when it was generated", () => {
    const [title, , horizon, , description] = markdown.split("\n");
    expect(title).toBe("# Platform 2027");
    expect(horizon).toBe(
      "Horizon: 2027-01-01 to 2027-12-31 (12 months). Generated 2027-02-01T09:00:00.000Z.",
    );
    expect(description).toBe("The platform plan.");
  });

  it("summarises counts, the projected finish and risks that lack a contingency plan", () => {
    expect(section(markdown, "Summary")).toEqual([
      "- 5 items: 3 features, 2 milestones (1 key)",
      "- Status: 1 planned, 1 in progress, 1 done, 1 at risk, 1 cut",
      "- Projected finish: 2027-07-14",
      "- 2 open risks, 1 without the contingency plan its score calls for",
    ]);
  });

  it("lists key milestones in a table whose cells a title cannot break", () => {
    const rows = section(markdown, "Key milestones");
    expect(rows[0]).toBe("| Date | Milestone | Outcome | Status |");
    expect(rows).toHaveLength(3);
    expect(cellsOf(rows[2])).toEqual([
      "2027-04-30",
      "Beta \\| launch",
      "+20 design partners live and paying",
      "At risk",
    ]);
  });

  it("falls back to every milestone when none is key", () => {
    const doc = sampleDocument();
    for (const item of doc.items) item.isKey = false;
    const rows = section(roadmapToMarkdown(doc, FACTS), "Key milestones");
    expect(rows[0]).toMatch(/No milestone is marked key/);
    expect(rows.filter((r) => r.startsWith("| 2027"))).toHaveLength(2);
  });

  it("groups items by workstream in lane order, then those in no lane", () => {
    expect(section(markdown, "Workstreams")).toEqual([
      "### Core",
      "- **Public API**: 2027-01-04 to 2027-02-26 (In progress)",
      '- **=SUM(A1:A2) SDK, "typed"**: 2027-03-01 to 2027-04-16 (Planned)',
      '### Growth, "north" lane',
      "- **Beta \\| launch**: milestone on 2027-04-30 (At risk)",
      "- **@GA**: milestone on 2027-06-30 (Done)",
      "### No workstream",
      "- **-Legacy export**: 2027-01-11 to 2027-01-29 (Cut)",
    ]);
  });

  it("lists open risks by score with their contingency or its absence", () => {
    const rows = section(markdown, "Top risks");
    expect(rows.slice(2).map(cellsOf)).toEqual([
      ["16", "Vendor delay", "no contingency"],
      ["6", "Hiring", "Contractors"],
    ]);
  });

  it("names the critical path by title", () => {
    expect(section(markdown, "Critical path")).toEqual([
      'Public API → =SUM(A1:A2) SDK, "typed" → Beta \\| launch → @GA',
    ]);
  });

  it("cannot be broken out of by hostile titles", () => {
    const doc = sampleDocument();
    doc.roadmap.title = "# <img src=x onerror=alert(1)>\n## Fake section";
    doc.items[2].title = "x | y\n| injected | row |";
    doc.risks[0].title = "[click](javascript:alert(1))";
    const hostile = roadmapToMarkdown(doc, FACTS);
    expect(hostile.split("\n")[0]).toBe("# \\# \\<img src=x onerror=alert(1)\\> \\#\\# Fake section");
    expect(hostile).not.toMatch(/(?<!\\)<img/);
    expect(hostile).toContain("\\[click\\](javascript");
    expect(hostile).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(hostile.split("\n").filter((l) => l.startsWith("## "))).toEqual([
      "## Summary",
      "## Key milestones",
      "## Workstreams",
      "## Top risks",
      "## Critical path",
    ]);
    const row = section(hostile, "Key milestones").find((r) => r.includes("injected"))!;
    expect(cellsOf(row)).toHaveLength(4);
  });

  it("says so when there is nothing yet", () => {
    const doc = { ...sampleDocument(), workstreams: [], items: [], dependencies: [], risks: [] };
    const empty = roadmapToMarkdown(doc, { ...FACTS, criticalPath: [] });
    expect(section(empty, "Key milestones")).toEqual(["No milestones yet."]);
    expect(section(empty, "Workstreams")).toEqual(["No workstreams or items yet."]);
    expect(section(empty, "Top risks")).toEqual(["No open risks."]);
    expect(section(empty, "Critical path")).toEqual([
      "No critical path: the roadmap has no scheduled items.",
    ]);
  });
});
