import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateMspdi } from "@/bench/lib/mspdi-generator";
import { parseMspdi } from "@/lib/imports/mspdi";
import { ImportFormatError, UnsafeXmlError } from "@/lib/imports/types";

const TESTDATA = "/work/shared/testdata/mspdi";
const FILES = ["Sample1.xml", "task-links-project2007-mspdi.xml"];

interface ExpectedTask {
  uid: string;
  id: string;
  name: string;
  start: string;
  finish: string;
  summary: boolean;
  level: number;
  links: { predecessor: string; type: string; lag: number }[];
}

/** MS Project's own figures, read with plain string matching, independently of the importer's XML reader. */
function tasksOf(xml: string): ExpectedTask[] {
  const field = (block: string, name: string) =>
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1] ?? "";
  const tasksBlock = xml.slice(xml.indexOf("<Tasks>"), xml.indexOf("</Tasks>"));
  return tasksBlock
    .split("<Task>")
    .slice(1)
    .map((block) => ({
      uid: field(block, "UID"),
      id: field(block, "ID"),
      name: field(block, "Name"),
      start: field(block, "Start").slice(0, 10),
      finish: field(block, "Finish").slice(0, 10),
      summary: field(block, "Summary") === "1",
      level: Number(field(block, "OutlineLevel")),
      links: block
        .split("<PredecessorLink>")
        .slice(1)
        .map((link) => ({
          predecessor: field(link, "PredecessorUID"),
          type: field(link, "Type"),
          lag: Number(field(link, "LinkLag")) / 4800,
        })),
    }));
}

describe.each(FILES)("the MS Project file %s", (file) => {
  const xml = readFileSync(`${TESTDATA}/${file}`, "utf8");
  const expected = tasksOf(xml).filter((t) => t.level > 0);
  const parse = parseMspdi(xml);
  const { document } = parse;

  it("imports every non-summary task with exactly MS Project's Start and Finish dates", () => {
    const tasks = expected.filter((t) => !t.summary);
    expect(document.items).toHaveLength(tasks.length);
    for (const task of tasks) {
      const item = document.items.find((i) => i.id === `task-${task.uid}`);
      expect(item, task.name).toBeDefined();
      expect(item!.title).toBe(task.name);
      if (item!.kind === "milestone") {
        expect(item!.startDate).toBe(task.finish);
        expect(item!.outcome).toBe(`${task.name} reached`);
      } else expect(item!.startDate).toBe(task.start);
      expect(item!.endDate).toBe(task.finish);
    }
  });

  it("keeps finish-to-start links with their lags and reports the other types naming both tasks", () => {
    const links = expected.flatMap((t) => t.links.map((l) => ({ ...l, to: t })));
    const fs = links.filter((l) => l.type === "1");
    expect(document.dependencies).toEqual(
      fs.map((l) => ({ fromId: `task-${l.predecessor}`, toId: `task-${l.to.uid}`, lagDays: l.lag })),
    );
    const others = links.filter((l) => l.type !== "1");
    expect(others.length).toBeGreaterThan(0);
    const typeName: Record<string, string> = {
      "0": "Finish-to-finish",
      "2": "Start-to-finish",
      "3": "Start-to-start",
    };
    for (const link of others) {
      const from = expected.find((t) => t.uid === link.predecessor)!;
      expect(parse.skipped).toContainEqual({
        where: `task ${link.to.id}`,
        what: `the link from task ${from.id} "${from.name}" to task ${link.to.id} "${link.to.name}"`,
        reason: `${typeName[link.type]} links are not supported; the dependency was left out.`,
      });
    }
    expect(parse.skipped).toHaveLength(others.length);
  });

  it("turns top-level summary tasks into lanes and keeps the plan's start date", () => {
    const summaries = expected.filter((t) => t.summary && t.level === 1);
    expect(document.workstreams.map((w) => w.name)).toEqual(summaries.map((s) => s.name));
    const projectStart = /<StartDate>(\d{4}-\d{2}-\d{2})/.exec(xml)![1];
    expect(document.roadmap.startDate).toBe(projectStart);
    expect(document.roadmap.title).toBe(file.replace(/\.xml$/, ""));
  });
});

describe("MSPDI mapping details", () => {
  it("puts Sample1's tasks in their summary's lane, with Work as the estimate", () => {
    const { document } = parseMspdi(readFileSync(`${TESTDATA}/Sample1.xml`, "utf8"), {
      title: "Sample plan",
    });
    const laneOf = (title: string) =>
      document.workstreams.find((w) => w.id === document.items.find((i) => i.title === title)!.workstreamId)
        ?.name;
    expect(laneOf("Task 1")).toBe("Summary Task 1");
    expect(laneOf("Milestone 2")).toBe("SummaryTask 2");
    expect(document.items.find((i) => i.title === "Task 3")!.estimate).toEqual({
      optimisticHours: 40,
      likelyHours: 40,
      pessimisticHours: 40,
    });
    expect(document.items.find((i) => i.title === "Milestone 1")!.estimate).toBeNull();
    expect(document.roadmap.title).toBe("Sample plan");
  });

  const plan = (tasks: string, extra = "") =>
    `<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>p.mpp</Name>${extra}<StartDate>2027-01-04T08:00:00</StartDate><Tasks>` +
    `<Task><UID>0</UID><ID>0</ID><Name>p</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>${tasks}</Tasks></Project>`;
  const task = (uid: number, body: string) => `<Task><UID>${uid}</UID><ID>${uid}</ID>${body}</Task>`;
  const dated = (uid: number, name: string, start: string, finish: string, extra = "") =>
    task(
      uid,
      `<Name>${name}</Name><OutlineLevel>1</OutlineLevel><Start>${start}T08:00:00</Start><Finish>${finish}T17:00:00</Finish><Duration>PT8H0M0S</Duration>${extra}`,
    );
  const link = (uid: number, type: number, lag: number, format = 7) =>
    `<PredecessorLink><PredecessorUID>${uid}</PredecessorUID><Type>${type}</Type><LinkLag>${lag}</LinkLag><LagFormat>${format}</LagFormat></PredecessorLink>`;

  it("flattens nested summaries into their top-level one and leaves tasks under no summary in no lane", () => {
    const xml = plan(
      task(1, "<Name>Phase</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>") +
        task(2, "<Name>Sub</Name><OutlineLevel>2</OutlineLevel><Summary>1</Summary>") +
        task(
          3,
          "<Name>Deep</Name><OutlineLevel>3</OutlineLevel><Start>2027-01-04T08:00:00</Start><Finish>2027-01-05T17:00:00</Finish>",
        ) +
        dated(4, "Loose", "2027-01-06", "2027-01-07"),
    );
    const { document } = parseMspdi(xml);
    expect(document.workstreams).toEqual([{ id: "summary-1", name: "Phase", position: 0 }]);
    expect(document.items.map((i) => [i.title, i.workstreamId])).toEqual([
      ["Deep", "summary-1"],
      ["Loose", null],
    ]);
    expect(document.roadmap.title).toBe("p");
  });

  it("reports links to summaries, unknown tasks, empty rows and converted lags", () => {
    const xml = plan(
      task(1, "<Name>Phase</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>") +
        task(
          2,
          "<Name>A</Name><OutlineLevel>2</OutlineLevel><Start>2027-01-04T08:00:00</Start><Finish>2027-01-05T17:00:00</Finish>",
        ) +
        dated(3, "B", "2027-01-11", "2027-01-12", link(1, 1, 0) + link(99, 1, 0) + link(2, 1, 14400 * 7, 8)) +
        dated(4, "C", "2027-01-13", "2027-01-13", link(3, 1, 2400)) +
        task(5, "<IsNull>1</IsNull>") +
        dated(6, "D", "2027-01-20", "2027-01-20", link(4, 1, 4800, 19)),
    );
    const parse = parseMspdi(xml);
    expect(parse.skipped.map((s) => `${s.where}: ${s.reason}`)).toEqual([
      "task 5: The task has no name.",
      "task 3: Links to or from summary tasks are not imported: summary tasks become lanes, which have no dates.",
      "task 3: No task with UID 99 is in this file (it may be in another project).",
      "task 3: An elapsed lag of 7 calendar days was converted to 5 working days.",
      "task 4: A lag of 0.5 working days was rounded to 1; Cairn counts whole days.",
      "task 6: A lag given as a percentage of the predecessor's duration is not supported; the link was kept with no lag.",
    ]);
    expect(parse.document.dependencies).toEqual([
      { fromId: "task-2", toId: "task-3", lagDays: 5 },
      { fromId: "task-3", toId: "task-4", lagDays: 1 },
      { fromId: "task-4", toId: "task-6", lagDays: 0 },
    ]);
    expect(parse.document.items.find((i) => i.title === "C")!.kind).toBe("feature");
  });

  it("makes zero-duration tasks milestones and reads PercentComplete as the status", () => {
    const xml = plan(
      task(
        1,
        "<Name>Gate</Name><OutlineLevel>1</OutlineLevel><Start>2027-02-01T17:00:00</Start><Finish>2027-02-01T17:00:00</Finish><Duration>PT0H0M0S</Duration>",
      ) +
        dated(2, "Half", "2027-01-04", "2027-01-08", "<PercentComplete>50</PercentComplete>") +
        dated(3, "Full", "2027-01-04", "2027-01-08", "<PercentComplete>100</PercentComplete>"),
    );
    const items = parseMspdi(xml).document.items;
    expect(items.map((i) => [i.title, i.kind, i.status])).toEqual([
      ["Gate", "milestone", "planned"],
      ["Half", "feature", "in_progress"],
      ["Full", "feature", "done"],
    ]);
  });

  it("reports unreadable dates by task and never fails on them", () => {
    const xml = plan(
      dated(1, "Good", "2027-01-04", "2027-01-08") +
        dated(2, "Bad", "2027-13-01", "2027-13-09") +
        dated(3, "Early", "2026-12-01", "2026-12-02") +
        task(4, "<Name>Undated</Name><OutlineLevel>1</OutlineLevel>"),
      "<StartDate>garbage</StartDate>",
    ).replace("<StartDate>2027-01-04T08:00:00</StartDate>", "");
    const parse = parseMspdi(xml);
    expect(parse.document.roadmap.startDate).toBe("2026-12-01");
    expect(parse.document.items.map((i) => i.title)).toEqual(["Good", "Early"]);
    expect(parse.skipped.map((s) => `${s.where}: ${s.reason}`)).toEqual([
      "task 4: The task has no Start or Finish date.",
      'task 2: The start date "2027-13-01" is not a real date in the form YYYY-MM-DD.',
    ]);
  });

  it("refuses a file that is not MSPDI, and unsafe XML", () => {
    expect(() => parseMspdi("<html><body/></html>")).toThrow(ImportFormatError);
    expect(() => parseMspdi('<Project xmlns="urn:other"/>')).toThrow(/Microsoft Project XML/);
    expect(() =>
      parseMspdi(`<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project>&x;</Project>`),
    ).toThrow(UnsafeXmlError);
  });
});

describe("the MSPDI generator", () => {
  it("is deterministic by seed and makes a plan the importer reads without loss beyond its SS links", () => {
    expect(generateMspdi(300, 5)).toBe(generateMspdi(300, 5));
    expect(generateMspdi(300, 5)).not.toBe(generateMspdi(300, 6));
    const xml = generateMspdi(1_000, 11);
    const tasks = tasksOf(xml).filter((t) => t.level > 0);
    const summaries = tasks.filter((t) => t.summary).length;
    const milestones = (xml.match(/<Milestone>1<\/Milestone>/g) ?? []).length;
    const links = tasks.flatMap((t) => t.links);
    const ss = links.filter((l) => l.type === "3").length;
    expect(tasks).toHaveLength(1_000);
    expect(summaries / 1_000).toBeGreaterThan(0.08);
    expect(summaries / 1_000).toBeLessThan(0.16);
    expect(milestones / 1_000).toBeGreaterThan(0.05);
    expect(milestones / 1_000).toBeLessThan(0.11);
    expect(ss / links.length).toBeGreaterThan(0.01);
    expect(ss / links.length).toBeLessThan(0.06);
    expect(links.some((l) => l.type === "1" && l.lag > 0)).toBe(true);

    const parse = parseMspdi(xml);
    expect(parse.document.items).toHaveLength(1_000 - summaries);
    expect(parse.document.dependencies).toHaveLength(links.length - ss);
    expect(parse.skipped).toHaveLength(ss);
    expect(parse.skipped.every((s) => s.reason.startsWith("Start-to-start"))).toBe(true);
  });
});
