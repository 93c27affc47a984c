// The board (GET /api/roadmaps/:id) and the schedule of a 1,000-item roadmap against a production
// build on PostgreSQL, beside the floor measured in the same run: postgres.js reading the same items
// and links and JSON.stringify of them (issue #15). Prints, for one client, p50/p95 of the first read
// after a write, of a repeated read (the cached answer) and of a conditional one (If-None-Match: 304),
// with their ratios to the floor; twenty clients against GET /api/me in the same run; forty clients
// on one instance and over two instances on the same database.
// Usage: node bench/timeline-api.mjs [--items 1000] [--seconds 5] [--pglite]
import http from "node:http";
import postgres from "postgres";
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";
import { buildLargeRoadmap } from "./lib/roadmap.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("items", 1000);
const seconds = arg("seconds", 5);
const f = (x) => x.toFixed(1).padStart(6);

/** Runs `once` from `clients` loops for `seconds`; its timings and requests per second. */
async function load(clients, once) {
  const times = [];
  const t0 = performance.now();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (Date.now() < until) times.push(await once(c));
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return {
    n: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    rps: times.length / elapsed,
  };
}
const show = (s) => `n=${String(s.n).padStart(5)}  p50 ${f(s.p50)} ms  p95 ${f(s.p95)} ms`;
const showRate = (s) => `${f(s.rps)} req/s  p95 ${f(s.p95)} ms`;

// The measured requests go through node:http with kept-alive connections and take the bytes as
// sent, as a browser would ask (br, gzip): the client does not spend the shared cores decoding
// what the server compressed, so the figures are the server's.
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
const BROWSER = { "accept-encoding": "gzip, deflate, br" };

/** One GET, read to the end; its time in ms. `expect` is the status it must answer. */
function timedGet(url, headers, expect = 200) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { ...BROWSER, ...headers } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => {
        if (res.statusCode !== expect) reject(new Error(`${url}: ${res.statusCode}, expected ${expect}`));
        else resolve(performance.now() - t0);
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** The floor: the same rows straight from PostgreSQL (postgres.js) and serialised. */
async function floor(sql, roadmapId) {
  return load(1, async () => {
    const t0 = performance.now();
    const [items, links] = await Promise.all([
      sql`select * from items where roadmap_id = ${roadmapId} and deleted_at is null order by start_date, created_at`,
      sql`select * from dependencies where roadmap_id = ${roadmapId}`,
    ]);
    JSON.stringify({ items, dependencies: links });
    return performance.now() - t0;
  });
}

ensureBuild();
const databaseUrl = process.argv.includes("--pglite") ? null : freshPostgres();
console.log(
  `${databaseUrl ? "PostgreSQL" : "PGlite (embedded; no floor, no second instance)"}, ${seconds} s per figure`,
);
const app = await startApp({ databaseUrl });
const user = await newUser(app.base);
const auth = { authorization: `Bearer ${user.token}` };
const json = { ...auth, "content-type": "application/json" };
const team = await (
  await fetch(`${app.base}/api/teams`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ name: "Bench" }),
  })
).json();
let t0 = performance.now();
const built = await buildLargeRoadmap(app.base, user.token, team.team.id, n);
console.log(
  `built ${built.items} items and ${built.dependencies} links through the API in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const boardPath = `/api/roadmaps/${built.roadmapId}`;
const first = await fetch(app.base + boardPath, { headers: { ...auth, "accept-encoding": "identity" } });
const board = await first.json();
const wire = await new Promise((resolve) =>
  http.get(app.base + boardPath, { headers: { ...auth, ...BROWSER } }, (res) => {
    let bytes = 0;
    res.on("data", (chunk) => (bytes += chunk.length));
    res.on("end", () => resolve({ coding: res.headers["content-encoding"] ?? "identity", bytes }));
  }),
);
console.log(
  `board: ${(JSON.stringify(board).length / 1024).toFixed(0)} kB of JSON, ${(wire.bytes / 1024).toFixed(0)} kB on the wire as ${wire.coding}`,
);

const sql = databaseUrl ? postgres(databaseUrl, { max: 2 }) : null;
// Statistics as autovacuum leaves a table that has been in use a while, not as a bulk insert of a
// moment ago leaves them (plans chosen on empty-table estimates would be measured otherwise).
if (sql) await sql`analyze`;
const raw = sql ? await floor(sql, built.roadmapId) : null;
if (raw) console.log(`\nfloor (postgres.js: the items and links, JSON.stringify)   ${show(raw)}`);

// One client. A write before each read makes every read the first after a write.
const feature = board.items.find((i) => i.kind === "feature");
let version = feature.version;
async function write() {
  const r = await fetch(`${app.base}/api/items/${feature.id}`, {
    method: "PATCH",
    headers: { ...json, "if-match": `"${version}"` },
    body: JSON.stringify({ title: `Feature renamed ${version}` }),
  });
  if (r.status !== 200) throw new Error(`PATCH: ${r.status}`);
  version = (await r.json()).item.version;
}
const ratio = (s) =>
  raw ? `  (p50 ${(s.p50 / raw.p50).toFixed(2)}x, p95 ${(s.p95 / raw.p95).toFixed(2)}x the floor)` : "";
for (const [label, path] of [
  ["board   ", boardPath],
  ["schedule", `${boardPath}/schedule`],
]) {
  const url = app.base + path;
  const afterWrite = await load(1, async () => {
    await write();
    return timedGet(url, auth);
  });
  console.log(
    `\n1 client ${label} first read after a write          ${show(afterWrite)}${ratio(afterWrite)}`,
  );
  const repeated = await load(1, () => timedGet(url, auth));
  console.log(`1 client ${label} repeated read (cached, 200)        ${show(repeated)}${ratio(repeated)}`);
  const etag = (await fetch(url, { headers: auth })).headers.get("etag");
  const conditional = await load(1, () => timedGet(url, { ...auth, "if-none-match": etag }, 304));
  console.log(
    `1 client ${label} repeated read, If-None-Match (304) ${show(conditional)}${ratio(conditional)}`,
  );
}

// Twenty readers of one board, against GET /api/me in the same run.
const me = await load(20, () => timedGet(`${app.base}/api/me`, auth));
const many = await load(20, () => timedGet(app.base + boardPath, auth));
const etag = (await fetch(app.base + boardPath, { headers: auth })).headers.get("etag");
const manyConditional = await load(20, () =>
  timedGet(app.base + boardPath, { ...auth, "if-none-match": etag }, 304),
);
console.log(`\n20 clients GET /api/me                          ${showRate(me)}`);
console.log(
  `20 clients board (200, cached body)             ${showRate(many)}  = ${((100 * many.rps) / me.rps).toFixed(0)}% of /api/me`,
);
console.log(
  `20 clients board (If-None-Match, 304)           ${showRate(manyConditional)}  = ${((100 * manyConditional.rps) / me.rps).toFixed(0)}% of /api/me`,
);

// Forty readers: on one instance, then split over two instances on the same database.
if (databaseUrl) {
  const one = await load(40, () => timedGet(app.base + boardPath, auth));
  const second = await startApp({ databaseUrl });
  await timedGet(second.base + boardPath, auth); // its cache's first load, outside the measure
  const bases = [app.base, second.base];
  const two = await load(40, (c) => timedGet(bases[c % 2] + boardPath, auth));
  console.log(`40 clients board, one instance                  ${showRate(one)}`);
  console.log(
    `40 clients board, two instances (20 + 20)       ${showRate(two)}  = ${(two.rps / one.rps).toFixed(2)}x one instance`,
  );
  second.stop();
}
await sql?.end();
app.stop();
process.exit(0);
