// GET /api/roadmaps/:id (the board) and /schedule for a 1,000-item roadmap against a production
// build, on PostgreSQL (and PGlite with --pglite). Prints p50/p95 for 1 and 4 concurrent clients.
// Usage: node bench/timeline-api.mjs [--items 1000] [--seconds 10] [--pglite]
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";
import { buildLargeRoadmap } from "./lib/roadmap.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("items", 1000);
const seconds = arg("seconds", 10);

async function measure(base, path, headers, clients) {
  const times = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const r = await fetch(base + path, { headers });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const f = (x) => x.toFixed(1).padStart(6);
  return `n=${String(times.length).padStart(5)}  p50 ${f(percentile(times, 50))} ms  p95 ${f(percentile(times, 95))} ms`;
}

ensureBuild();
const backends = [];
const pg = freshPostgres();
if (pg) backends.push(["PostgreSQL", pg]);
if (process.argv.includes("--pglite") || !pg) backends.push(["PGlite (embedded)", null]);
for (const [label, databaseUrl] of backends) {
  const app = await startApp({ databaseUrl });
  const user = await newUser(app.base);
  const headers = { authorization: `Bearer ${user.token}` };
  const team = await (
    await fetch(`${app.base}/api/teams`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "Bench" }),
    })
  ).json();
  const t0 = performance.now();
  const built = await buildLargeRoadmap(app.base, user.token, team.team.id, n);
  console.log(`${label}: built ${built.items} items and ${built.dependencies} dependencies through the API in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const bytes = (await (await fetch(`${app.base}/api/roadmaps/${built.roadmapId}`, { headers })).arrayBuffer()).byteLength;
  console.log(`  board payload ${(bytes / 1024).toFixed(0)} kB`);
  for (const clients of [1, 4]) {
    console.log(`  ${clients} client${clients > 1 ? "s" : " "} GET /api/roadmaps/:id          ${await measure(app.base, `/api/roadmaps/${built.roadmapId}`, headers, clients)}`);
    console.log(`  ${clients} client${clients > 1 ? "s" : " "} GET /api/roadmaps/:id/schedule ${await measure(app.base, `/api/roadmaps/${built.roadmapId}/schedule`, headers, clients)}`);
  }
  app.stop();
}
process.exit(0);
