// The hostile import of issue #13: a Cairn JSON export of `items` items in a chain, plus `loops`
// links from late items back to early ones, each closing a loop through most of the chain. Before
// the fix, its skip report named every item of every loop and each link ran its own loop search.
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";

export function loopHeavyDocument(items = 3_000, loops = 22_500): RoadmapDocument {
  const ids = Array.from({ length: items }, (_, i) => `item-${i + 1}`);
  const late = Math.ceil(items / 2);
  const early = Math.ceil(loops / late);
  if (early >= items - late) throw new Error("not enough items for that many distinct loop links");
  return {
    format: "cairn.roadmap",
    version: 1,
    roadmap: { title: "Loop-heavy plan", startDate: "2027-01-01", horizonMonths: 12 },
    workstreams: [],
    items: ids.map((id, i) => ({
      id,
      workstreamId: null,
      kind: "feature",
      title: `Item ${i + 1}`,
      description: null,
      startDate: "2027-01-04",
      endDate: "2027-01-08",
      outcome: null,
      isKey: false,
      status: "planned",
      estimate: null,
      skills: [],
      owner: null,
    })),
    dependencies: [
      ...ids.slice(1).map((id, i) => ({ fromId: ids[i], toId: id, lagDays: 0 })),
      // Distinct pairs: one of the last `late` items back to one of the first `early`.
      ...Array.from({ length: loops }, (_, k) => ({
        fromId: ids[items - 1 - (k % late)],
        toId: ids[Math.floor(k / late)],
        lagDays: 0,
      })),
    ],
    risks: [],
    phases: [],
    staffing: null,
  };
}
