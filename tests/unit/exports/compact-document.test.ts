import { describe, expect, it } from "vitest";
import {
  COMPACT_DOCUMENT_FORMAT,
  fromCompactDocument,
  isCompactDocument,
  toCompactDocument,
} from "@/lib/exports/compact-document";
import { packDocument, storedDocument, unpackDocument } from "@/lib/services/snapshots/packed";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";

function documentOf(itemCount: number): RoadmapDocument {
  return {
    format: "cairn.roadmap",
    version: 1,
    exportedAt: "2027-01-04T10:00:00.000Z",
    roadmap: {
      title: "Plan",
      description: null,
      startDate: "2027-01-04",
      horizonMonths: 12,
      status: "draft",
    },
    workstreams: [{ id: "w1", name: "Lane “one”", position: 0 }],
    items: Array.from({ length: itemCount }, (_, i) => ({
      id: `i${i}`,
      workstreamId: i % 2 ? "w1" : null,
      kind: i % 5 === 4 ? ("milestone" as const) : ("feature" as const),
      title: `Item ${i} — ünïcode`,
      description: i % 3 ? null : `Line one\nline "two"`,
      startDate: "2027-02-01",
      endDate: "2027-02-12",
      outcome: i % 5 === 4 ? "Done" : null,
      isKey: i % 7 === 0,
      status: "planned" as const,
      estimate: i % 2 ? { optimisticHours: 8, likelyHours: 12.5, pessimisticHours: 20 } : null,
      skills: i % 4 ? [] : [{ skill: "Backend", hours: 16 }],
      owner: i % 3 ? null : "owner@example.test",
    })),
    dependencies: [{ fromId: "i0", toId: "i1", lagDays: 2 }],
    risks: [],
    phases: [{ id: "p1", name: "Discovery", startDate: "2027-01-04", endDate: "2027-03-01", gate: null }],
    staffing: {
      hiringLeadWeeks: 8,
      rows: [{ skill: "Backend", quarter: "2027-Q1", headcount: 2, hoursPerWeek: 32 }],
    },
  };
}

describe("compact roadmap document", () => {
  it("round-trips a document exactly, member order included", () => {
    const document = documentOf(50);
    const compact = toCompactDocument(document);
    expect(compact.format).toBe(COMPACT_DOCUMENT_FORMAT);
    expect(compact.tables.items.fields).toEqual(Object.keys(document.items[0]));
    expect(compact.tables.items.rows).toHaveLength(50);
    const back = fromCompactDocument(JSON.parse(JSON.stringify(compact)));
    expect(back).toEqual(document);
    expect(Object.keys(back)).toEqual(Object.keys(document));
    expect(JSON.stringify(back)).toBe(JSON.stringify(document));
  });

  it("keeps lists it cannot tabulate as they are: empty, or records of different shapes", () => {
    const document = documentOf(3);
    const odd = { ...document, items: [document.items[0], { ...document.items[1], extra: true }] };
    const compact = toCompactDocument(odd as RoadmapDocument);
    expect(compact.tables.items).toBeUndefined();
    expect(compact.head.risks).toEqual([]);
    expect(fromCompactDocument(compact)).toEqual(odd);
  });

  it("is smaller than the document's JSON", () => {
    const document = documentOf(1_000);
    expect(JSON.stringify(toCompactDocument(document)).length).toBeLessThan(
      JSON.stringify(document).length * 0.75,
    );
  });

  it("tells a compact document from anything else, and refuses an unknown version", () => {
    expect(isCompactDocument(toCompactDocument(documentOf(1)))).toBe(true);
    expect(isCompactDocument(documentOf(1))).toBe(false);
    expect(isCompactDocument(null)).toBe(false);
    const future = { ...toCompactDocument(documentOf(1)), version: 2 } as unknown as Parameters<
      typeof fromCompactDocument
    >[0];
    expect(() => fromCompactDocument(future)).toThrow(/version 2/);
  });
});

describe("a snapshot's stored document", () => {
  it("packs to gzipped bytes and unpacks to the same document", async () => {
    const document = documentOf(500);
    const packed = await packDocument(document);
    expect([packed[0], packed[1]]).toEqual([0x1f, 0x8b]);
    expect(packed.length).toBeLessThan(JSON.stringify(document).length / 4);
    expect(await unpackDocument(packed)).toEqual(document);
    expect(await storedDocument({ document: null, packed })).toEqual(document);
  });

  it("reads a row of the old form (jsonb, before phases joined the document) as it was, with no phases", async () => {
    const { phases: _phases, ...old } = documentOf(2);
    const read = await storedDocument({ document: old as RoadmapDocument, packed: null });
    expect(read).toEqual({ ...old, phases: [] });
  });

  it("refuses bytes that are not a packed document, and a row with neither form", async () => {
    await expect(unpackDocument(new TextEncoder().encode("not gzip"))).rejects.toThrow();
    const { gzipSync } = await import("node:zlib");
    await expect(unpackDocument(gzipSync(JSON.stringify({ a: 1 })))).rejects.toThrow(/not a compact/);
    await expect(storedDocument({ document: null, packed: null })).rejects.toThrow(/without its document/);
  });
});
