// Builds a large roadmap through the API: lanes, features in chains, milestones, dependencies.
const START = "2027-01-04"; // a Monday

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

/** n items over 10 lanes in an 18-month horizon, about 2 links per item to earlier items. */
export async function buildLargeRoadmap(base, token, teamId, n = 1000, { seed = 42, width = 8 } = {}) {
  const api = async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json).slice(0, 200)}`);
    return json;
  };
  let s = seed;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const { roadmap } = await api("POST", `/api/teams/${teamId}/roadmaps`, {
    title: `Large roadmap (${n} items)`,
    startDate: START,
    horizonMonths: 18,
  });
  const lanes = [];
  for (let i = 0; i < 10; i++) {
    lanes.push((await api("POST", `/api/roadmaps/${roadmap.id}/workstreams`, { name: `Lane ${i + 1}` })).workstream.id);
  }
  const specs = Array.from({ length: n }, (_, i) => {
    const milestone = rnd() < 0.1;
    const start = addDays(START, Math.floor((i / n) * 480));
    const body = milestone
      ? { kind: "milestone", title: `Milestone ${i}`, startDate: start, endDate: start, outcome: `Outcome ${i} is measurable`, isKey: rnd() < 0.3 }
      : { kind: "feature", title: `Feature ${i}`, startDate: start, endDate: addDays(start, 4 + Math.floor(rnd() * 30)), estimate: { optimisticHours: 40, likelyHours: 60, pessimisticHours: 100 } };
    return { ...body, workstreamId: lanes[i % lanes.length] };
  });
  const ids = await pool(specs.map((b) => async () => (await api("POST", `/api/roadmaps/${roadmap.id}/items`, b)).item.id), width);
  const links = [];
  for (let i = 1; i < n; i++) {
    const m = Math.floor(rnd() * 3);
    const seen = new Set();
    for (let k = 0; k < m; k++) {
      const p = Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 50)));
      if (p === i || seen.has(p)) continue;
      seen.add(p);
      links.push({ fromId: ids[p], toId: ids[i], lagDays: 0 });
    }
  }
  await pool(links.map((l) => () => api("POST", `/api/roadmaps/${roadmap.id}/dependencies`, l)), width);
  return { roadmapId: roadmap.id, items: n, dependencies: links.length };
}
