// Issue #13: every import stays within fixed budgets whatever the body. The loop-heavy JSON that
// once grew the server by 4 GB answers in seconds with a capped report; hostile XML is refused
// with a clear 4xx; a parsing worker that fails fails its import only; past the concurrency limit
// an import is refused with 429 and Retry-After.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSPDI_NAMESPACE } from "@/lib/imports/mspdi";
import { holdImportSlot, importSlots } from "@/lib/services/imports/slots";
import type { Team } from "@/lib/validation/teams";
import { api, type ApiResponse } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createCastTeam, withEnv, type Cast } from "../helpers/fixtures";
import { createsNothing as createsNothingIn, importAs, ndjsonLines, postImport } from "../helpers/imports";
import { loopHeavyDocument } from "../helpers/loop-heavy-document";
import { ok } from "../helpers/resources";

const MiB = 1024 * 1024;
const SMALL_CSV = "title,start,end\nFirst,2027-01-04,2027-01-08\nSecond,2027-01-11,2027-01-15\n";
const mspdi = (body: string) =>
  `<?xml version="1.0"?><Project xmlns="${MSPDI_NAMESPACE}"><StartDate>2027-01-04T08:00:00</StartDate>${body}</Project>`;

/** Peak RSS and main-thread heap while `run` runs, sampled every 10 ms (the worker's heap is in RSS). */
async function measured<T>(run: () => Promise<T>) {
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const started = performance.now();
  try {
    const result = await run();
    sample();
    return {
      result,
      ms: performance.now() - started,
      rssGrowth: peak.rss - before.rss,
      heapGrowth: peak.heapUsed - before.heapUsed,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Waits (briefly) until the import slots are in the given state. */
async function slotsReach(active: number, queued: number) {
  for (let i = 0; i < 500 && (importSlots.active !== active || importSlots.queued !== queued); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect({ active: importSlots.active, queued: importSlots.queued }).toEqual({ active, queued });
}

describeEachDatabase("bounded imports", (getCtx) => {
  let cast: Cast;
  let team: Team;
  const createsNothing = (attempt: () => Promise<ApiResponse>) =>
    createsNothingIn(getCtx().db, team.id, attempt);

  /** The server answers: a small import and a read both work. */
  async function stillAnswers() {
    ok(await importAs(cast.editor, team.id, SMALL_CSV, { type: "text/csv" }), 201);
    ok(await api("GET /api/me", { token: cast.viewer.token }));
    await slotsReach(0, 0);
  }

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    ({ team } = await createCastTeam(db, cast));
  });

  describe("the loop-heavy import (3,000 chained items, 22,500 loop-closing links)", () => {
    it("answers in under 10 s, grows the server by less than 256 MiB and caps its report", async () => {
      const body = JSON.stringify(loopHeavyDocument());
      expect(body.length).toBeGreaterThan(1.5 * MiB);
      const {
        result: res,
        ms,
        rssGrowth,
        heapGrowth,
      } = await measured(() => importAs(cast.editor, team.id, body));
      console.info(
        `loop-heavy import [${getCtx().backend}]: ${(body.length / MiB).toFixed(2)} MiB body, ${Math.round(ms)} ms, ` +
          `RSS +${(rssGrowth / MiB).toFixed(0)} MiB, main-thread heap +${(heapGrowth / MiB).toFixed(0)} MiB, ` +
          `answer ${(res.text.length / 1024).toFixed(0)} KiB`,
      );
      const result = ok(res, 201);
      expect(ms).toBeLessThan(10_000);
      expect(rssGrowth).toBeLessThan(256 * MiB);
      expect(result.imported).toMatchObject({ items: 3_000, dependencies: 2_999 });
      expect(result.skipped).toHaveLength(200);
      expect(result.skippedTotal).toBe(22_500);
      expect(result.skippedByReason).toEqual([
        { reason: "It would close a loop; the link was left out.", count: 22_500 },
      ]);
      expect(result.skipped[0]).toEqual({
        where: "dependencies[2999]",
        what: 'the link "Item 3000" → "Item 1"',
        reason:
          'It would close a loop of 3,000 items ("Item 1" → "Item 2" → "Item 3" → … → "Item 2999" → "Item 3000" → "Item 1"); the link was left out.',
      });
      expect(res.text.length).toBeLessThan(100 * 1024);
    });

    it("streams the same capped result as NDJSON", async () => {
      const res = await postImport(cast.editor, team.id, JSON.stringify(loopHeavyDocument()), {
        "content-type": "application/json",
        accept: "application/x-ndjson",
      });
      const last = ndjsonLines(res).at(-1);
      expect(last).toMatchObject({ type: "result", status: 201, body: { skippedTotal: 22_500 } });
      expect(last.body.skipped).toHaveLength(200);
    });
  });

  describe("hostile XML", () => {
    it.each([
      {
        what: "a DOCTYPE after a megabyte of comment",
        xml: mspdi("").replace("<Project", `<!--${"x".repeat(MiB)}--><!DOCTYPE p><Project`),
        status: 422,
        code: "unsafe_xml",
        message: /DOCTYPE/,
      },
      {
        what: "an entity declaration",
        xml: mspdi('<!ENTITY e "boom">'),
        status: 422,
        code: "unsafe_xml",
        message: /entities/,
      },
      {
        what: "a 20,000-character attribute",
        xml: mspdi(`<Title a="${"x".repeat(20_000)}"/>`),
        status: 413,
        code: "payload_too_large",
        message: /attribute a is longer than 10,000 characters/,
      },
      {
        what: "a 1.5-million-character text",
        xml: mspdi(`<Title>${"x".repeat(1_500_000)}</Title>`),
        status: 413,
        code: "payload_too_large",
        message: /longer than 1,000,000 characters/,
      },
      {
        what: "a million and one elements",
        xml: mspdi(`<Calendars>${"<c/>".repeat(1_000_001)}</Calendars>`),
        status: 413,
        code: "payload_too_large",
        message: /more than 1,000,000 elements/,
      },
      {
        what: "65 attributes on one element",
        xml: mspdi(`<Title ${Array.from({ length: 65 }, (_, i) => `a${i}="1"`).join(" ")}/>`),
        status: 413,
        code: "payload_too_large",
        message: /more than 64 attributes/,
      },
      {
        what: "20,001 tasks",
        xml: mspdi(`<Tasks>${"<Task><UID>1</UID></Task>".repeat(20_001)}</Tasks>`),
        status: 413,
        code: "payload_too_large",
        message: /more than 20,000 tasks/,
      },
    ])("refuses $what with a clear $status, and creates nothing", async ({ xml, status, code, message }) => {
      const started = performance.now();
      const res = await createsNothing(() =>
        importAs(cast.editor, team.id, xml, { type: "application/xml" }),
      );
      expectApiError(res, status, code);
      expect(res.json.error.message).toMatch(message);
      expect(performance.now() - started).toBeLessThan(10_000);
    });

    it("refuses 10,000-deep nesting with 400 and where", async () => {
      const xml = mspdi(`${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}`);
      const res = await createsNothing(() =>
        importAs(cast.editor, team.id, xml, { type: "application/xml" }),
      );
      expect(expectInvalidRequest(res)[0]).toMatch(/^line 1, column \d+$/);
      expect(res.json.error.message).toMatch(/more than 64 levels/);
    });

    it("leaves the server answering", stillAnswers);
  });

  describe("JSON and CSV past their budgets", () => {
    it.each([
      [
        "a JSON of a million empty objects",
        `[${Array.from({ length: 11 }, () => `[${"{},".repeat(99_999)}{}]`).join(",")}]`,
        "application/json",
        /more than 1,000,000 objects and lists/,
      ],
      [
        "a JSON list of five million numbers",
        `[${"0,".repeat(5_000_000)}0]`,
        "application/json",
        /more than 100,000 entries/,
      ],
      [
        "JSON nested 100 levels deep",
        `${"[".repeat(100)}${"]".repeat(100)}`,
        "application/json",
        /nested more than 32 levels/,
      ],
      [
        "a JSON export of 20,001 items",
        JSON.stringify(loopHeavyDocument(20_001, 0)),
        "application/json",
        /at most 20,000/,
      ],
      ["a CSV of 20,002 rows", `title\n${"x\n".repeat(20_001)}`, "text/csv", /more than 20,001 rows/],
    ])("refuses %s with 413, naming the cap", async (_what, body, type, message) => {
      const res = await createsNothing(() => importAs(cast.editor, team.id, body, { type }));
      expectApiError(res, 413, "payload_too_large");
      expect(res.json.error.message).toMatch(message);
      expect(res.json.error.details[0].path).toEqual(expect.any(String));
    });
  });

  describe("a parsing worker that fails", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "cairn-import-worker-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** Runs `attempt` with `source` as the import worker in place of the real one. */
    function withImportWorker<T>(source: string, attempt: () => Promise<T>): Promise<T> {
      const folder = mkdtempSync(path.join(dir, "w-"));
      writeFileSync(path.join(folder, "import.mjs"), source);
      return withEnv({ CAIRN_WORKERS_DIR: folder }, attempt);
    }

    it("a crash fails that import with a clear 500 and no trace, and nothing is written", async () => {
      const res = await createsNothing(() =>
        withImportWorker("throw new TypeError(\"cannot read properties of undefined (reading 'x')\");", () =>
          importAs(cast.editor, team.id, SMALL_CSV, { type: "text/csv" }),
        ),
      );
      expectApiError(res, 500, "internal");
      expect(res.json.error.message).toMatch(/fault on our side, and imported nothing/);
      expect(res.text).not.toContain("reading 'x'");
    });

    it("streamed, the crash is the stream's error line", async () => {
      const res = await createsNothing(() =>
        withImportWorker("process.exit(1);", () =>
          postImport(cast.editor, team.id, SMALL_CSV, {
            "content-type": "text/csv",
            accept: "application/x-ndjson",
          }),
        ),
      );
      expect(ndjsonLines(res).at(-1)).toMatchObject({
        type: "error",
        status: 500,
        body: { error: { code: "internal" } },
      });
    });

    it("a worker past its memory fails that import with 413, the process's own memory untouched", async () => {
      // Many small allocations, as a parser makes (every list it builds is capped): one huge
      // allocation past the limit could abort the whole process (nodejs/node#47224).
      const hog = "const kept = []; for (;;) kept.push(new Array(10_000).fill(kept.length + 0.5));";
      const { result: res, rssGrowth } = await measured(() =>
        createsNothing(() =>
          withImportWorker(hog, () => importAs(cast.editor, team.id, SMALL_CSV, { type: "text/csv" })),
        ),
      );
      expectApiError(res, 413, "payload_too_large");
      expect(res.json.error.message).toMatch(/needs more than the 96 MiB of memory one import may use/);
      expect(rssGrowth).toBeLessThan(256 * MiB);
    });

    it("leaves the server answering, with the real worker", stillAnswers);
  });

  describe("at most two imports at once, two waiting", () => {
    it("refuses the next with 429 and Retry-After, before reading it, then runs the waiting ones", async () => {
      const held = [await holdImportSlot(), await holdImportSlot()];
      try {
        const waiting = [1, 2].map(() => importAs(cast.editor, team.id, SMALL_CSV, { type: "text/csv" }));
        await slotsReach(2, 2);
        for (const headers of [{}, { accept: "application/x-ndjson" }] as Record<string, string>[]) {
          const res = await createsNothing(() =>
            importAs(cast.editor, team.id, SMALL_CSV, { type: "text/csv", headers }),
          );
          expectApiError(res, 429, "rate_limited");
          expect(res.headers.get("retry-after")).toBe("5");
          expect(res.json.error.message).toMatch(/already importing 2 files/);
        }
        // A body declared too large is refused for that, at once, not made to wait.
        const declared = { "content-length": String(11 * MiB) };
        expectApiError(
          await importAs(cast.editor, team.id, SMALL_CSV, { type: "text/csv", headers: declared }),
          413,
          "payload_too_large",
        );
        held.forEach((release) => release());
        for (const res of await Promise.all(waiting)) ok(res, 201);
      } finally {
        held.forEach((release) => release());
      }
      await slotsReach(0, 0);
    });

    it("gives the slot back whatever the outcome", async () => {
      expectApiError(await importAs(cast.editor, team.id, "{ nope"), 400, "invalid_request");
      expectApiError(
        await importAs(cast.editor, team.id, "a", { type: "text/plain" }),
        415,
        "unsupported_media_type",
      );
      expectApiError(await importAs(cast.viewer, team.id, SMALL_CSV, { type: "text/csv" }), 403, "forbidden");
      await slotsReach(0, 0);
    });
  });
});
