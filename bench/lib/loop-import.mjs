// A Cairn JSON export built to stress the importer's loop checks: `items` features in one chain
// (each follows the previous) plus `loops` links that each point from a later item back to an
// earlier one, closing a loop through the chain. Seeded: the same file on every run.
import { mulberry32 } from "./random.ts";

const START = "2027-01-04";

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function loopHeavyDocument({ items = 3_000, loops = 22_500, seed = 13 } = {}) {
  const rnd = mulberry32(seed);
  const list = Array.from({ length: items }, (_, i) => {
    const start = addDays(START, Math.floor((i / items) * 480));
    return {
      id: `i${i}`,
      workstreamId: "w0",
      kind: "feature",
      title: `Step ${i}`,
      description: null,
      startDate: start,
      endDate: addDays(start, 3),
      outcome: null,
      isKey: false,
      status: "planned",
      estimate: null,
      skills: [],
      owner: null,
    };
  });
  const dependencies = [];
  for (let i = 1; i < items; i++) dependencies.push({ fromId: `i${i - 1}`, toId: `i${i}`, lagDays: 0 });
  const seen = new Set();
  while (seen.size < loops) {
    const a = Math.floor(rnd() * (items - 1));
    const b = a + 1 + Math.floor(rnd() * (items - 1 - a));
    const key = `${b}>${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    dependencies.push({ fromId: `i${b}`, toId: `i${a}`, lagDays: 0 });
  }
  return {
    format: "cairn.roadmap",
    version: 1,
    exportedAt: new Date().toISOString(),
    roadmap: {
      title: "Loop-heavy import",
      description: null,
      startDate: START,
      horizonMonths: 18,
      status: "draft",
    },
    workstreams: [{ id: "w0", name: "Chain", position: 0 }],
    items: list,
    dependencies,
    risks: [],
    phases: [],
    staffing: null,
  };
}
