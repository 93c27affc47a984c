import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createDependency } from "@/lib/services/dependencies/edges";
import { createItem } from "@/lib/services/items/create";
import { createPhase } from "@/lib/services/phases/create";
import { createRisk } from "@/lib/services/risks/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { createSkill, listSkills } from "@/lib/services/staffing/skills";
import { putStaffing } from "@/lib/services/staffing/staffing";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import { importResultSchema } from "@/lib/validation/communication";
import { roadmapDocumentSchema, type RoadmapDocument } from "@/lib/validation/roadmap-document";
import type { Team } from "@/lib/validation/teams";
import { api, type ApiResponse, type LooseJson } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createsNothing as createsNothingIn, importAs, ndjsonLines, postImport } from "../helpers/imports";
import {
  createCast,
  createCastTeam,
  createTeamWithMembers,
  type Cast,
  type TestUser,
} from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { featureInput, milestoneInput, MONDAY, roadmapActivity } from "../helpers/timeline";

const MSPDI_DIR = "/work/shared/testdata/mspdi";
const INJECTION_TITLES = ["=cmd|' /C calc'!A0", "@SUM(1+1)"];
const TODAY = () => new Date().toISOString().slice(0, 10);

const exportAs = (who: TestUser | undefined, roadmapId: string, format: string) =>
  api("GET /api/roadmaps/{roadmapId}/export", {
    params: { roadmapId },
    token: who?.token,
    query: { format },
  });

/** A multipart body with `file` as a browser's form would send it. */
async function multipart(content: string, name: string, type: string) {
  const form = new FormData();
  form.set("file", new File([content], name, { type }));
  const req = new Request("http://localhost/", { method: "POST", body: form });
  return { body: new Uint8Array(await req.arrayBuffer()), type: req.headers.get("content-type")! };
}

/**
 * A document with ids replaced by what they point at (items by title, lanes by name) and lists
 * sorted, so that an export and the export of its re-import compare equal.
 */
function canonical(doc: RoadmapDocument) {
  const title = new Map(doc.items.map((i) => [i.id, i.title]));
  const lane = new Map(doc.workstreams.map((w) => [w.id, w.name]));
  const byText = <T>(list: T[]) =>
    [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    roadmap: doc.roadmap,
    workstreams: byText(doc.workstreams.map(({ id: _id, ...w }) => w)),
    items: byText(
      doc.items.map(({ id: _id, workstreamId, skills, ...i }) => ({
        ...i,
        workstream: workstreamId ? lane.get(workstreamId) : null,
        skills: byText(skills),
      })),
    ),
    dependencies: byText(
      doc.dependencies.map((d) => ({ from: title.get(d.fromId), to: title.get(d.toId), lag: d.lagDays })),
    ),
    risks: byText(
      doc.risks.map(({ id: _id, itemIds, ...r }) => ({
        ...r,
        items: itemIds.map((id) => title.get(id)).sort(),
      })),
    ),
    staffing: doc.staffing && { ...doc.staffing, rows: byText(doc.staffing.rows) },
    phases: doc.phases.map(({ id: _id, ...p }) => p),
  };
}

describeEachDatabase("export and import", (getCtx) => {
  let cast: Cast;
  let team: Team;
  /** The outsider's own team. */
  let otherTeam: Team;
  let roadmapId: string;

  const createsNothing = (teamId: string, attempt: () => Promise<ApiResponse>) =>
    createsNothingIn(getCtx().db, teamId, attempt);

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    ({ team } = await createCastTeam(db, cast));
    otherTeam = await createTeamWithMembers(db, cast.outsider);
    const actor = cast.owner.actor;
    const backend = (await listSkills(db, actor, team.id)).find((s) => s.name === "Backend")!;
    const design = await createSkill(db, actor, team.id, { name: "Design" });
    const roadmap = await createRoadmap(db, actor, team.id, {
      title: "Checkout relaunch",
      description: "Payments, then growth.",
      startDate: MONDAY,
      horizonMonths: 12,
      status: "active",
    });
    roadmapId = roadmap.id;
    const platform = await createWorkstream(db, actor, roadmapId, { name: "Platform" });
    await createPhase(db, actor, roadmapId, {
      name: "Build",
      startDate: "2027-01-04",
      endDate: "2027-03-31",
      gate: { title: "Beta go", outcome: "Payments API live for five merchants" },
    });
    await createPhase(db, actor, roadmapId, { name: "Grow", startDate: "2027-04-01", endDate: "2027-09-30" });
    const growth = await createWorkstream(db, actor, roadmapId, { name: "Growth", position: 1 });
    const api = await createItem(
      db,
      actor,
      roadmapId,
      featureInput("Payments API", "2027-01-11", "2027-02-19", {
        workstreamId: platform.id,
        isKey: true,
        estimate: { optimisticHours: 80, likelyHours: 120, pessimisticHours: 200 },
        skills: [
          { skillId: backend.id, hours: 100 },
          { skillId: design.id, hours: 20 },
        ],
        ownerId: cast.editor.user.id,
        description: "Card and wallet payments.",
      }),
    );
    const funnel = await createItem(
      db,
      actor,
      roadmapId,
      featureInput("Checkout funnel", "2027-03-01", "2027-04-16", {
        workstreamId: growth.id,
        status: "in_progress",
        ownerId: cast.viewer.user.id,
      }),
    );
    const cleanup = await createItem(
      db,
      actor,
      roadmapId,
      featureInput("Legacy cleanup", "2027-02-15", "2027-03-05"),
    );
    const launch = await createItem(
      db,
      actor,
      roadmapId,
      milestoneInput("Public launch", "2027-05-03", { isKey: true }),
    );
    for (const title of INJECTION_TITLES) {
      await createItem(
        db,
        actor,
        roadmapId,
        featureInput(title, "2027-06-01", "2027-06-11", { workstreamId: growth.id }),
      );
    }
    await createDependency(db, actor, roadmapId, { fromId: api.id, toId: funnel.id, lagDays: 2 });
    await createDependency(db, actor, roadmapId, { fromId: funnel.id, toId: launch.id, lagDays: 0 });
    await createDependency(db, actor, roadmapId, { fromId: api.id, toId: cleanup.id, lagDays: -1 });
    await createRisk(db, actor, roadmapId, {
      title: "Card network certification slips",
      kind: "external",
      likelihood: 3,
      impact: 5,
      itemIds: [api.id, funnel.id],
      ownerId: cast.commenter.user.id,
      delayDays: 10,
      contingency: "Launch with wallets first.",
    });
    await createRisk(db, actor, roadmapId, {
      title: "Old checkout stays",
      kind: "roadblock",
      likelihood: 1,
      impact: 2,
      itemIds: [],
      status: "closed",
    });
    await putStaffing(db, actor, roadmapId, 0, {
      hiringLeadWeeks: 6,
      rows: [
        { skillId: backend.id, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 30 },
        { skillId: design.id, quarter: "2027-Q2", headcount: 0.5, hoursPerWeek: 20 },
      ],
    });
  });

  describe("export", () => {
    const MEDIA = { json: "application/json", csv: "text/csv", md: "text/markdown", ics: "text/calendar" };

    for (const role of ["owner", "editor", "commenter", "viewer"] as const) {
      for (const format of ["json", "csv", "md", "ics"] as const) {
        it(`${role} downloads ${format}`, async () => {
          const res = await exportAs(cast[role], roadmapId, format);
          expect(res.status).toBe(200);
          expect(res.headers.get("content-type")).toBe(`${MEDIA[format]}; charset=utf-8`);
          expect(res.headers.get("content-disposition")).toBe(
            `attachment; filename="checkout-relaunch-${TODAY()}.${format}"`,
          );
          expect(res.headers.get("cache-control")).toBe("no-store");
          if (format === "json") {
            const doc = roadmapDocumentSchema.parse(JSON.parse(res.text));
            expect(doc.items.map((i) => i.title).sort()).toEqual(
              [
                "Payments API",
                "Checkout funnel",
                "Legacy cleanup",
                "Public launch",
                ...INJECTION_TITLES,
              ].sort(),
            );
            expect(doc.dependencies).toHaveLength(3);
            expect(doc.risks).toHaveLength(2);
          }
          if (format === "csv")
            expect(res.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^id,type,title,/);
          if (format === "md") expect(res.text).toContain("Checkout relaunch");
          if (format === "ics") {
            expect(res.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
            expect(res.text).toContain("Public launch");
          }
        });
      }
    }

    it("is 404 for a member of another team, 401 without identity, 400 for an unknown format", async () => {
      expectApiError(await exportAs(cast.outsider, roadmapId, "json"), 404, "not_found");
      expectApiError(await exportAs(undefined, roadmapId, "json"), 401, "unauthenticated");
      expectInvalidRequest(await exportAs(cast.viewer, roadmapId, "docx"));
      expectApiError(await exportAs(cast.viewer, crypto.randomUUID(), "json"), 404, "not_found");
    });

    it("names the file in UTF-8 as well when the title is not ASCII", async () => {
      const other = await createRoadmap(getCtx().db, cast.owner.actor, team.id, {
        title: "Feuille de route été",
        startDate: MONDAY,
      });
      const res = await exportAs(cast.viewer, other.id, "md");
      expect(res.headers.get("content-disposition")).toBe(
        `attachment; filename="feuille-de-route-ete-${TODAY()}.md"; filename*=UTF-8''feuille-de-route-%C3%A9t%C3%A9-${TODAY()}.md`,
      );
    });

    it("starts cells a spreadsheet would run as a formula with an apostrophe", async () => {
      const csv = (await exportAs(cast.viewer, roadmapId, "csv")).text;
      for (const title of INJECTION_TITLES) {
        const cells = csv.split("\r\n").map((row) => row.split(",")[2]);
        expect(cells).toContain(`'${title}`);
        expect(cells).not.toContain(title);
      }
    });

    it("writes the critical path into the Markdown brief, in order", async () => {
      const md = (await exportAs(cast.viewer, roadmapId, "md")).text;
      const section = md.slice(md.indexOf("## Critical path"));
      // Payments API -> Checkout funnel -> Public launch is the longest chain; the rest has slack.
      const at = ["Payments API", "Checkout funnel", "Public launch"].map((t) => section.indexOf(t));
      expect(at.every((i) => i > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(section).not.toContain("Legacy cleanup");
    });
  });

  describe("import: who may", () => {
    let exported: string;
    beforeAll(async () => {
      exported = (await exportAs(cast.owner, roadmapId, "json")).text;
    });

    it("owner and editor import (201); commenter and viewer get 403, outsiders 404, no identity 401", async () => {
      for (const who of [cast.owner, cast.editor]) ok(await importAs(who, team.id, exported), 201);
      for (const who of [cast.commenter, cast.viewer]) {
        expectApiError(
          await createsNothing(team.id, () => importAs(who, team.id, exported)),
          403,
          "forbidden",
        );
      }
      expectApiError(
        await createsNothing(team.id, () => importAs(cast.outsider, team.id, exported)),
        404,
        "not_found",
      );
      expectApiError(
        await createsNothing(team.id, () => importAs(undefined, team.id, exported)),
        401,
        "unauthenticated",
      );
    });
  });

  describe("import: JSON", () => {
    it("round-trips: export, import, export again gives the same roadmap with new ids", async () => {
      const first = JSON.parse((await exportAs(cast.owner, roadmapId, "json")).text) as RoadmapDocument;
      const result = importResultSchema.parse(
        ok(await importAs(cast.editor, team.id, JSON.stringify(first)), 201),
      );
      expect(result).toMatchObject({
        source: "json",
        roadmap: { title: "Checkout relaunch", startDate: MONDAY, horizonMonths: 12, version: 1 },
        imported: { workstreams: 2, items: 6, dependencies: 3, risks: 2 },
        skipped: [],
      });
      const second = JSON.parse(
        (await exportAs(cast.owner, result.roadmap.id, "json")).text,
      ) as RoadmapDocument;
      expect(canonical(second)).toEqual(canonical(first));
      expect(second.phases.map((p) => p.name)).toEqual(["Build", "Grow"]);
      const oldIds = new Set(first.items.map((i) => i.id));
      expect(second.items.some((i) => oldIds.has(i.id))).toBe(false);

      const changes = await roadmapActivity(getCtx().db, result.roadmap.id);
      expect(changes).toEqual([
        expect.objectContaining({
          entity: "roadmap",
          action: "created",
          actorId: cast.editor.user.id,
          changes: expect.objectContaining({ importedFrom: "json", items: 6, dependencies: 3 }),
        }),
      ]);
    });

    it("into another team: skills are added to its catalogue, owners who are not members are reported", async () => {
      const exported = (await exportAs(cast.owner, roadmapId, "json")).text;
      const result = ok(await importAs(cast.outsider, otherTeam.id, exported), 201);
      expect(result.imported.items).toBe(6);
      const reasons = result.skipped.map((s: LooseJson) => s.reason).join("\n");
      for (const who of [cast.editor, cast.viewer, cast.commenter]) {
        expect(reasons).toContain(`owner ${who.user.email} is not a member of this team`);
      }
      const skills = (await listSkills(getCtx().db, cast.outsider.actor, otherTeam.id))
        .map((s) => s.name)
        .sort();
      expect(skills).toEqual(["Backend", "Design"]);
      const doc = JSON.parse(
        (await exportAs(cast.outsider, result.roadmap.id, "json")).text,
      ) as RoadmapDocument;
      expect(doc.items.find((i) => i.title === "Payments API")).toMatchObject({
        owner: null,
        skills: expect.arrayContaining([
          { skill: "Backend", hours: 100 },
          { skill: "Design", hours: 20 },
        ]),
      });
      expect(doc.staffing?.rows).toHaveLength(2);
    });

    it("takes ?title= over the file's title", async () => {
      const exported = (await exportAs(cast.owner, roadmapId, "json")).text;
      const result = ok(
        await importAs(cast.editor, team.id, exported, { query: { title: "Checkout (copy)" } }),
        201,
      );
      expect(result.roadmap.title).toBe("Checkout (copy)");
      const board = ok(
        await api("GET /api/roadmaps/{roadmapId}", {
          params: { roadmapId: result.roadmap.id },
          token: cast.viewer.token,
        }),
      );
      expect(board.roadmap.title).toBe("Checkout (copy)");
    });

    it("refuses malformed JSON with where it breaks, and creates nothing", async () => {
      const res = await createsNothing(team.id, () =>
        importAs(cast.editor, team.id, '{\n  "format": "cairn.roadmap",\n  oops\n}'),
      );
      expect(expectInvalidRequest(res)[0]).toMatch(/^line 3, column \d+$/);
      expect(res.text).not.toContain("oops");
    });

    it("refuses a JSON value that is no roadmap document, and text that is not UTF-8", async () => {
      expectInvalidRequest(
        await createsNothing(team.id, () => importAs(cast.editor, team.id, '{"hello": "world"}')),
      );
      const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]); // {"é"} in ISO-8859-1
      expectInvalidRequest(await createsNothing(team.id, () => importAs(cast.editor, team.id, latin1)));
    });
  });

  describe("import: CSV", () => {
    it("recreates the items of a CSV export, formulas defused on the way out restored on the way in", async () => {
      const csv = (await exportAs(cast.owner, roadmapId, "csv")).text;
      const result = ok(await importAs(cast.editor, team.id, csv, { type: "text/csv; charset=utf-8" }), 201);
      expect(result).toMatchObject({ source: "csv", imported: { items: 6, dependencies: 3 } });
      const original = JSON.parse((await exportAs(cast.owner, roadmapId, "json")).text) as RoadmapDocument;
      const copy = JSON.parse(
        (await exportAs(cast.owner, result.roadmap.id, "json")).text,
      ) as RoadmapDocument;
      const items = (doc: RoadmapDocument) => canonical(doc).items.map(({ description: _d, ...i }) => i);
      expect(items(copy)).toEqual(items(original));
      expect(canonical(copy).dependencies).toEqual(canonical(original).dependencies);
    });

    it("accepts the file as multipart/form-data, by its type or its extension", async () => {
      const csv = (await exportAs(cast.owner, roadmapId, "csv")).text;
      for (const [name, type] of [
        ["plan.csv", "text/csv"],
        ["plan.csv", "application/vnd.ms-excel"],
      ]) {
        const form = await multipart(csv, name, type);
        const result = ok(await importAs(cast.editor, team.id, form.body, { type: form.type }), 201);
        expect(result).toMatchObject({ source: "csv", imported: { items: 6 } });
      }
      const txt = await multipart(csv, "plan.txt", "text/plain");
      expectApiError(
        await createsNothing(team.id, () => importAs(cast.editor, team.id, txt.body, { type: txt.type })),
        415,
        "unsupported_media_type",
      );
      const noFile = new FormData();
      noFile.set("plan", "a,b");
      const req = new Request("http://localhost/", { method: "POST", body: noFile });
      const res = await importAs(cast.editor, team.id, new Uint8Array(await req.arrayBuffer()), {
        type: req.headers.get("content-type")!,
      });
      expect(expectInvalidRequest(res)).toEqual(["file"]);
    });

    it("refuses a CSV with an unterminated quote, with where, and creates nothing", async () => {
      const csv = 'type,title,start,end\nfeature,"Broken,2027-01-11,2027-01-15\n';
      const res = await createsNothing(team.id, () =>
        importAs(cast.editor, team.id, csv, { type: "text/csv" }),
      );
      expect(expectInvalidRequest(res)[0]).toMatch(/line/);
    });
  });

  describe("import: Microsoft Project XML", () => {
    /** MS Project's own tasks: [name, start, finish] of every non-summary task, and the summary names. */
    function msProjectTasks(xml: string) {
      const tasks = [...xml.matchAll(/<Task>([\s\S]*?)<\/Task>/g)].map((m) => {
        const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(m[1])?.[1] ?? "";
        return {
          uid: field("UID"),
          name: field("Name"),
          summary: field("Summary") === "1",
          start: field("Start").slice(0, 10),
          finish: field("Finish").slice(0, 10),
        };
      });
      const real = tasks.filter((t) => t.uid !== "0");
      return {
        leaves: real
          .filter((t) => !t.summary)
          .map((t) => [t.name, t.start, t.finish])
          .sort(),
        summaries: real
          .filter((t) => t.summary)
          .map((t) => t.name)
          .sort(),
      };
    }

    const FILES = [
      // [file, project start, finish-to-start links, links of other types]
      ["Sample1.xml", "2023-07-28", 5, 1],
      ["task-links-project2007-mspdi.xml", "2014-10-17", 5, 3],
    ] as const;

    for (const [file, start, fsLinks, otherLinks] of FILES) {
      it(`imports ${file} with MS Project's dates, summary tasks as lanes, other link types reported`, async () => {
        const xml = readFileSync(`${MSPDI_DIR}/${file}`, "utf8");
        const result = ok(await importAs(cast.editor, team.id, xml, { type: "application/xml" }), 201);
        expect(result).toMatchObject({
          source: "mspdi",
          roadmap: { startDate: start },
          imported: { dependencies: fsLinks },
        });
        const expected = msProjectTasks(xml);
        const doc = JSON.parse(
          (await exportAs(cast.viewer, result.roadmap.id, "json")).text,
        ) as RoadmapDocument;
        expect(doc.items.map((i) => [i.title, i.startDate, i.endDate]).sort()).toEqual(expected.leaves);
        expect(doc.workstreams.map((w) => w.name).sort()).toEqual(expected.summaries);
        const linkSkips = result.skipped.filter((s: LooseJson) =>
          /start-to-start|finish-to-finish|start-to-finish/i.test(`${s.what} ${s.reason}`),
        );
        expect(linkSkips).toHaveLength(otherLinks);
      });
    }

    it("keeps link lags (LinkLag in tenths of a minute, 480 minutes a day)", async () => {
      const xml = readFileSync(`${MSPDI_DIR}/task-links-project2007-mspdi.xml`, "utf8");
      const result = ok(await importAs(cast.editor, team.id, xml, { type: "text/xml" }), 201);
      const doc = JSON.parse(
        (await exportAs(cast.viewer, result.roadmap.id, "json")).text,
      ) as RoadmapDocument;
      expect(doc.dependencies.map((d) => d.lagDays).sort((a, b) => a - b)).toEqual([0, 1, 2, 5, 10]);
    });

    const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`,
    ).join("")}]><lolz>&lol9;</lolz>`;

    for (const [name, xml] of [
      ["an external entity (XXE)", XXE],
      ["billion laughs", LAUGHS],
    ]) {
      it(`refuses ${name} with 422 unsafe_xml and creates nothing`, async () => {
        const started = Date.now();
        const res = await createsNothing(team.id, () =>
          importAs(cast.editor, team.id, xml, { type: "application/xml" }),
        );
        expectApiError(res, 422, "unsafe_xml");
        expect(res.text).not.toContain("root:");
        expect(Date.now() - started).toBeLessThan(2_000);
      });
    }

    it("refuses malformed XML with 400 and where, and creates nothing", async () => {
      const xml =
        '<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task></Tasks>';
      expectInvalidRequest(
        await createsNothing(team.id, () => importAs(cast.editor, team.id, xml, { type: "application/xml" })),
      );
    });
  });

  describe("import: size and media type", () => {
    const FIFTY_MB = 50 * 1024 * 1024;

    it("answers 413 at once for a declared 50 MB body", async () => {
      const started = Date.now();
      const res = await createsNothing(team.id, () =>
        importAs(cast.editor, team.id, new Uint8Array(FIFTY_MB), {
          type: "text/csv",
          headers: { "content-length": String(FIFTY_MB) },
        }),
      );
      expectApiError(res, 413, "payload_too_large");
      expect(res.json.error.message).toContain("larger than 10 MiB");
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it("stops reading a 50 MB body without a length as soon as it passes 10 MiB", async () => {
      let sent = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= FIFTY_MB) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const started = Date.now();
      const res = await createsNothing(team.id, () =>
        postImport(cast.editor, team.id, body, { "content-type": "text/csv" }),
      );
      expectApiError(res, 413, "payload_too_large");
      expect(sent).toBeLessThan(11 * 1024 * 1024);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it("answers 415 for text/plain and a body without a type, naming what it takes", async () => {
      const res = await createsNothing(team.id, () =>
        importAs(cast.editor, team.id, "a,b", { type: "text/plain" }),
      );
      expectApiError(res, 415, "unsupported_media_type");
      expect(res.json.error.message).toContain("text/csv");
      expectApiError(await importAs(cast.editor, team.id, "{}", { type: "" }), 415, "unsupported_media_type");
    });
  });

  describe("import: streamed progress", () => {
    it("with Accept: application/x-ndjson streams progress lines, then the result", async () => {
      const exported = (await exportAs(cast.owner, roadmapId, "json")).text;
      const res = await postImport(cast.editor, team.id, exported, {
        "content-type": "application/json",
        accept: "application/x-ndjson",
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
      const all = ndjsonLines(res);
      const progress = all.slice(0, -1);
      expect(progress.every((l) => l.type === "progress" && l.done <= l.total)).toBe(true);
      expect([...new Set(progress.map((l) => l.stage))]).toEqual(["reading", "parsing", "writing"]);
      const writing = progress.filter((l) => l.stage === "writing");
      expect(writing.at(-1).done).toBe(writing.at(-1).total);
      const last = all.at(-1);
      expect(last).toMatchObject({ type: "result", status: 201 });
      expect(importResultSchema.parse(last.body).imported.items).toBe(6);
    });

    it("ends with an error line when the file cannot be read, and creates nothing", async () => {
      const res = await createsNothing(team.id, () =>
        postImport(cast.editor, team.id, "{ nope", {
          "content-type": "application/json",
          accept: "application/x-ndjson",
        }),
      );
      const last = ndjsonLines(res).at(-1);
      expect(last).toMatchObject({
        type: "error",
        status: 400,
        body: { error: { code: "invalid_request" } },
      });
    });

    it("answers plain statuses for refusals before the stream (role, size, type)", async () => {
      const headers = { accept: "application/x-ndjson" };
      expectApiError(await importAs(cast.viewer, team.id, "{}", { headers }), 403, "forbidden");
      expectApiError(
        await importAs(cast.editor, team.id, "a", { headers, type: "text/plain" }),
        415,
        "unsupported_media_type",
      );
    });
  });
});
