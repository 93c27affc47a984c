// Every import stays within fixed budgets whatever the file (issue #13): the skip report is capped,
// loops are found in one pass, and each format refuses more than it may hold with ImportLimitError
// (413), naming the cap.
import { describe, expect, it } from "vitest";
import { parseCsvPlan } from "@/lib/imports/csv-plan";
import { parseJsonPlan } from "@/lib/imports/json-plan";
import { checkJsonShape } from "@/lib/imports/json-shape";
import { parseMspdi, MSPDI_NAMESPACE } from "@/lib/imports/mspdi";
import { COUNTED_REASONS, LISTED_SKIPS, OTHER_REASONS, SkipReport } from "@/lib/imports/skip-report";
import { ImportLimitError } from "@/lib/imports/types";
import { loopHeavyDocument } from "../../helpers/loop-heavy-document";

function limitError(run: () => unknown): ImportLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportLimitError) return error;
    throw error;
  }
  throw new Error("expected an ImportLimitError");
}

describe("the skip report", () => {
  it("lists the first 200 entries and counts every one per reason, most frequent first", () => {
    const report = new SkipReport();
    for (let i = 0; i < 1_000; i++)
      report.add({ where: `line ${i}`, what: "a row", reason: i % 4 ? "Common." : "Rare." });
    const summary = report.summary();
    expect(summary.skipped).toHaveLength(LISTED_SKIPS);
    expect(summary.skipped[199].where).toBe("line 199");
    expect(summary.skippedTotal).toBe(1_000);
    expect(summary.skippedByReason).toEqual([
      { reason: "Common.", count: 750 },
      { reason: "Rare.", count: 250 },
    ]);
  });

  it("counts reasons that quote the file together, or by the rule given", () => {
    const report = new SkipReport();
    report.add({ where: "line 2", what: "a row", reason: 'The status "doing" is not one of planned, done.' });
    report.add({ where: "line 3", what: "a row", reason: 'The status "wip" is not one of planned, done.' });
    report.add({ where: "line 4", what: "a link", reason: "It links to x-1, an item..." }, "Missing item.");
    report.add({ where: "line 5", what: "a link", reason: "It links to x-2, an item..." }, "Missing item.");
    expect(report.summary().skippedByReason).toEqual([
      { reason: 'The status "…" is not one of planned, done.', count: 2 },
      { reason: "Missing item.", count: 2 },
    ]);
  });

  it("counts at most 50 distinct reasons, the rest together", () => {
    const report = new SkipReport();
    for (let i = 0; i < 80; i++) report.add({ where: "x", what: "y", reason: `Reason ${i}.` });
    const { skippedByReason } = report.summary();
    expect(skippedByReason).toHaveLength(COUNTED_REASONS + 1);
    expect(skippedByReason[0]).toEqual({ reason: OTHER_REASONS, count: 30 });
  });

  it("goes on from a summary with the same budget", () => {
    const first = new SkipReport();
    for (let i = 0; i < 150; i++) first.add({ where: `a${i}`, what: "x", reason: "A." });
    const next = SkipReport.continuing(first.summary());
    for (let i = 0; i < 150; i++) next.add({ where: `b${i}`, what: "x", reason: "B." });
    const summary = next.summary();
    expect(summary.skipped).toHaveLength(200);
    expect(summary.skipped[150].where).toBe("b0");
    expect(summary.skippedTotal).toBe(300);
    expect(summary.skippedByReason).toEqual([
      { reason: "A.", count: 150 },
      { reason: "B.", count: 150 },
    ]);
  });
});

describe("the loop-heavy import of issue #13", () => {
  it("reads 3,000 chained items and 22,500 loop-closing links quickly, with a capped report", () => {
    const document = JSON.parse(JSON.stringify(loopHeavyDocument()));
    const started = performance.now();
    const parse = parseJsonPlan(document);
    // About a second on a busy 2-core machine; before the fix it did not finish (4 GB, then killed).
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parse.document.items).toHaveLength(3_000);
    expect(parse.document.dependencies).toHaveLength(2_999);
    expect(parse.skippedTotal).toBe(22_500);
    expect(parse.skipped).toHaveLength(200);
    expect(parse.skippedByReason).toEqual([
      { reason: "It would close a loop; the link was left out.", count: 22_500 },
    ]);
    const [first] = parse.skipped;
    expect(first.where).toBe("dependencies[2999]");
    expect(first.reason).toBe(
      'It would close a loop of 3,000 items ("Item 1" → "Item 2" → "Item 3" → … → "Item 2999" → "Item 3000" → "Item 1"); the link was left out.',
    );
    expect(Math.max(...parse.skipped.map((s) => s.reason.length))).toBeLessThan(200);
  });
});

describe("a JSON text is measured before it is built", () => {
  it("passes an export, and braces inside strings do not count", () => {
    expect(() => checkJsonShape(JSON.stringify(loopHeavyDocument()))).not.toThrow();
    const tricky = JSON.stringify({ a: '{[,{[\\"'.repeat(1_000), b: [[[1]]] });
    expect(() => checkJsonShape(tricky, { maxContainers: 5, maxEntries: 2, maxDepth: 4 })).not.toThrow();
  });

  it.each([
    [
      "too many objects and lists",
      `[${"{},".repeat(10)}{}]`,
      /more than 10 objects and lists/,
      "line 1, column 29",
    ],
    [
      "nesting too deep",
      `{"a":\n${"[".repeat(6)}${"]".repeat(6)}}`,
      /nested more than 5 levels/,
      "line 2, column 5",
    ],
  ])("refuses %s, quickly and with where", (_what, text, message, where) => {
    const error = limitError(() => checkJsonShape(text, { maxContainers: 10, maxEntries: 10, maxDepth: 5 }));
    expect(error.message).toMatch(message);
    expect(error.where).toBe(where);
  });

  it("scans 10 MiB in well under a second", () => {
    const list = `[${'{"a":"x\\"y"},'.repeat(70_000)}{}]`;
    const text = `[${Array.from({ length: 10 }, () => list).join(",")}]`;
    const started = performance.now();
    expect(() => checkJsonShape(text)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("each format refuses more than it may hold, naming the cap", () => {
  it("JSON: more than 20,000 items", () => {
    const document = loopHeavyDocument(20_001, 0);
    const error = limitError(() => parseJsonPlan(document));
    expect(error.where).toBe("items");
    expect(error.message).toContain("at most 20,000");
  });

  it("CSV: more than 100,000 dependencies", () => {
    const rows = Array.from({ length: 101 }, (_, i) => `r${i},R${i},2027-01-04,${"a;".repeat(1_000)}`);
    const csv = `id,title,start,depends_on\na,A,2027-01-04,\n${rows.join("\n")}\n`;
    const error = limitError(() => parseCsvPlan(csv));
    expect(error.where).toBe("line 103");
    expect(error.message).toContain("more than 100,000 dependencies");
  });

  it("CSV: more than 1,000 dependencies, or 50 skills, in one cell", () => {
    const csv = (dependsOn: string, skills = "") =>
      `id,title,start,depends_on,skills\na,A,2027-01-04,,\nb,B,2027-01-04,${dependsOn},${skills}\n`;
    const error = limitError(() => parseCsvPlan(csv("a;".repeat(1_001))));
    expect(error.where).toBe("line 3");
    expect(error.message).toContain("more than 1,000 dependencies in one cell");
    // Blank entries do not count; 1,000 do not pass the cap.
    expect(parseCsvPlan(csv(`${"a; ;".repeat(1_000)};`)).skippedTotal).toBe(999);
    const skills = Array.from({ length: 51 }, (_, i) => `S${i}:1`).join(";");
    expect(parseCsvPlan(csv("", skills)).skipped[0].reason).toBe("A row may list at most 50 skills.");
  });

  it("CSV: more than 20,001 rows", () => {
    expect(limitError(() => parseCsvPlan(`title\n${"x\n".repeat(20_001)}`)).message).toContain("20,001 rows");
  });

  const project = (tasks: string, extra = "") =>
    `<?xml version="1.0"?><Project xmlns="${MSPDI_NAMESPACE}"><StartDate>2027-01-04T08:00:00</StartDate>${extra}<Tasks>${tasks}</Tasks></Project>`;
  const task = (uid: number, links = "") =>
    `<Task><UID>${uid}</UID><Name>T${uid}</Name><Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish>${links}</Task>`;

  it("MS Project: more than 20,000 tasks", () => {
    const xml = project(
      Array.from({ length: 20_001 }, (_, i) => `<Task><UID>${i + 1}</UID></Task>`).join(""),
    );
    const error = limitError(() => parseMspdi(xml));
    expect(error.message).toContain("more than 20,000 tasks");
    expect(error.where).toMatch(/^line 1$/);
  });

  it("MS Project: more than 100,000 task links", () => {
    const link = "<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink>";
    const xml = project(task(1) + task(2, link.repeat(100_001)));
    expect(limitError(() => parseMspdi(xml)).message).toContain("more than 100,000 task links");
  });

  it("MS Project: reads only the tasks, however large the rest of the file", () => {
    const assignments = `<Assignments>${"<Assignment><UID>1</UID><TimephasedData><Value>PT8H0M0S</Value></TimephasedData></Assignment>".repeat(50_000)}</Assignments>`;
    const started = performance.now();
    const parse = parseMspdi(project(task(1) + task(2), assignments));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parse.document.items.map((i) => i.title)).toEqual(["T1", "T2"]);
  });
});
