// Builds a large roadmap: lanes, features in chains, milestones, dependencies. Up to 2,000 items
// item by item through the API (as people build one); larger ones (10,000 items would take many
// minutes of single POSTs) as one Cairn JSON document through the import endpoint, which writes
// the same rows in one transaction. Both paths draw the same plan from the same seed.
const START = "2027-01-04"; // a Monday
const LANES = 10;

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function pool(jobs, width) {
  const out = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]();
      }
    }),
  );
  return out;
}

/** n items over 10 lanes in an 18-month horizon, about 1 link per item to earlier items (by index). */
function plan(n, seed) {
  let s = seed;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const items = Array.from({ length: n }, (_, i) => {
    const milestone = rnd() < 0.1;
    const start = addDays(START, Math.floor((i / n) * 480));
    const body = milestone
      ? { kind: "milestone", title: `Milestone ${i}`, startDate: start, endDate: start, outcome: `Outcome ${i} is measurable`, isKey: rnd() < 0.3 }
      : { kind: "feature", title: `Feature ${i}`, startDate: start, endDate: addDays(start, 4 + Math.floor(rnd() * 30)), estimate: { optimisticHours: 40, likelyHours: 60, pessimisticHours: 100 } };
    return { ...body, lane: i % LANES };
  });
  const links = [];
  for (let i = 1; i < n; i++) {
    const m = Math.floor(rnd() * 3);
    const seen = new Set();
    for (let k = 0; k < m; k++) {
      const p = Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 50)));
      if (p === i || seen.has(p)) continue;
      seen.add(p);
      links.push({ from: p, to: i });
    }
  }
  return { items, links };
}

function client(base, token) {
  return async (method, path, body, contentType = "application/json") => {
    const r = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      body: body && (typeof body === "string" ? body : JSON.stringify(body)),
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json).slice(0, 200)}`);
    return json;
  };
}

async function throughApi(api, teamId, n, { items, links }, width) {
  const { roadmap } = await api("POST", `/api/teams/${teamId}/roadmaps`, {
    title: `Large roadmap (${n} items)`,
    startDate: START,
    horizonMonths: 18,
  });
  const lanes = [];
  for (let i = 0; i < LANES; i++) {
    lanes.push((await api("POST", `/api/roadmaps/${roadmap.id}/workstreams`, { name: `Lane ${i + 1}` })).workstream.id);
  }
  const ids = await pool(
    items.map(({ lane, ...b }) => async () =>
      (await api("POST", `/api/roadmaps/${roadmap.id}/items`, { ...b, workstreamId: lanes[lane] })).item.id),
    width,
  );
  await pool(
    links.map((l) => () => api("POST", `/api/roadmaps/${roadmap.id}/dependencies`, { fromId: ids[l.from], toId: ids[l.to], lagDays: 0 })),
    width,
  );
  return roadmap.id;
}

/** The same plan as a Cairn roadmap document (lib/validation/roadmap-document.ts), imported at once. */
async function throughImport(api, teamId, n, { items, links }) {
  const document = {
    format: "cairn.roadmap",
    version: 1,
    roadmap: { title: `Large roadmap (${n} items)`, startDate: START, horizonMonths: 18 },
    workstreams: Array.from({ length: LANES }, (_, i) => ({ id: `w${i}`, name: `Lane ${i + 1}`, position: i })),
    items: items.map((it, i) => ({
      id: `i${i}`,
      workstreamId: `w${it.lane}`,
      kind: it.kind,
      title: it.title,
      description: null,
      startDate: it.startDate,
      endDate: it.endDate,
      outcome: it.outcome ?? null,
      isKey: it.isKey ?? false,
      status: "planned",
      estimate: it.estimate ?? null,
      skills: [],
      owner: null,
    })),
    dependencies: links.map((l) => ({ fromId: `i${l.from}`, toId: `i${l.to}`, lagDays: 0 })),
  };
  const result = await api("POST", `/api/teams/${teamId}/imports`, JSON.stringify(document));
  if (result.skippedTotal > 0)
    throw new Error(`the import left ${result.skippedTotal} out: ${JSON.stringify(result.skippedByReason)}`);
  return result.roadmap.id;
}

/** Resolves to { roadmapId, items, dependencies, via }; `via` "api" or "import" (default: by size). */
export async function buildLargeRoadmap(base, token, teamId, n = 1000, { seed = 42, width = 8, via } = {}) {
  const api = client(base, token);
  const p = plan(n, seed);
  const how = via ?? (n > 2000 ? "import" : "api");
  const roadmapId =
    how === "import" ? await throughImport(api, teamId, n, p) : await throughApi(api, teamId, n, p, width);
  return { roadmapId, items: n, dependencies: p.links.length, via: how };
}
