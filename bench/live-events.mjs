// Live-event latency across two app instances on one PostgreSQL database: 1,000 SSE clients (half
// on each instance) watch a roadmap while an item is PATCHed through instance A; prints the time
// from each PATCH's response to the event's arrival at every client (p50/p95; aim p95 ≤ 50 ms), and
// the memory one open stream costs an instance (RSS before and after opening 500 more; aim ≤ 50 KiB).
// The clients are spread over worker threads (--threads), so that one client process reading a
// thousand streams in turn does not add its own queue to the figure.
// Usage: node bench/live-events.mjs [--clients 1000] [--threads 4] [--patches 30] [--streams 500]
import { execFileSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";
import { openStream } from "./lib/sse-client.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const clients = arg("clients", 1000);
const patches = arg("patches", 30);
const extraStreams = arg("streams", 500);

/** Resident memory of the instance's whole process group, in KiB. */
function rssKiB(pid) {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(pid)], { encoding: "utf8" });
  return out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0);
}

ensureBuild();
const databaseUrl = freshPostgres();
if (!databaseUrl) {
  console.error("This benchmark needs PostgreSQL at 127.0.0.1:5432 (or DATABASE_URL).");
  process.exit(1);
}
// One user opens every stream here (1,500 by default): the per-user limit (20) is lifted, since
// this measures delivery and memory, not the limit.
const env = { CAIRN_LIMIT_STREAMS_PER_USER: "100000" };
const a = await startApp({ databaseUrl, env });
const b = await startApp({ databaseUrl, env });
const user = await newUser(a.base, "live");
const call = async (base, method, path, body, headers = {}) => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
};
const { team } = await call(a.base, "POST", "/api/teams", { name: "Live bench" });
const { roadmap } = await call(a.base, "POST", `/api/teams/${team.id}/roadmaps`, { title: "Live", startDate: "2027-01-04" });
const { item } = await call(a.base, "POST", `/api/roadmaps/${roadmap.id}/items`, {
  kind: "feature",
  title: "Watched",
  startDate: "2027-01-04",
  endDate: "2027-01-08",
});

// version -> arrival times at the clients. The clients run in worker threads (like browsers on
// machines of their own, they do not wait for each other to read an event), every other one on B.
const arrivals = new Map();
const threads = Math.min(arg("threads", 4), clients);
const workers = [];
await Promise.all(
  Array.from({ length: threads }, (_, t) => {
    const from = Math.floor((t * clients) / threads);
    const to = Math.floor(((t + 1) * clients) / threads);
    const worker = new Worker(new URL("./lib/sse-watchers.mjs", import.meta.url), {
      workerData: { bases: [a.base, b.base], from, to, token: user.token, roadmapId: roadmap.id, itemId: item.id },
    });
    workers.push(worker);
    return new Promise((resolve, reject) => {
      worker.on("error", reject);
      worker.on("message", (m) => {
        if (m.ready) return resolve();
        if (!arrivals.has(m.version)) arrivals.set(m.version, []);
        arrivals.get(m.version).push(...m.at);
      });
    });
  }),
);
const closers = [];

const latencies = [];
let version = item.version;
for (let i = 0; i < patches; i++) {
  const res = await fetch(`${a.base}/api/items/${item.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", "if-match": `"${version}"` },
    body: JSON.stringify({ title: `Watched ${i}` }),
  });
  const answered = performance.timeOrigin + performance.now();
  const body = await res.json();
  version = body.item.version;
  const deadline = Date.now() + 5_000;
  while ((arrivals.get(version)?.length ?? 0) < clients && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  const got = arrivals.get(version) ?? [];
  if (got.length < clients) throw new Error(`only ${got.length} of ${clients} clients heard version ${version}`);
  // An event can beat the PATCH's answer (NOTIFY is sent at commit): that counts as 0 ms.
  for (const at of got) latencies.push(Math.max(0, at - answered));
}
latencies.sort((x, y) => x - y);
const f = (x) => x.toFixed(1).padStart(6);
console.log(
  `PATCH answered -> event at ${clients} clients over 2 instances (${patches} patches, ${latencies.length} deliveries): p50 ${f(percentile(latencies, 50))} ms  p95 ${f(percentile(latencies, 95))} ms  max ${f(latencies.at(-1))} ms`,
);

// Memory per open stream, on instance B.
await new Promise((r) => setTimeout(r, 2_000));
const before = rssKiB(b.pid);
for (let i = 0; i < extraStreams; i++) closers.push(await openStream(b.base, user.token, roadmap.id, () => {}));
await new Promise((r) => setTimeout(r, 3_000));
const after = rssKiB(b.pid);
console.log(
  `memory: instance B RSS ${(before / 1024).toFixed(0)} MiB -> ${(after / 1024).toFixed(0)} MiB with ${extraStreams} more streams: ${((after - before) / extraStreams).toFixed(1)} KiB per open stream`,
);
for (const close of closers) close();
for (const worker of workers) await worker.terminate();
a.stop();
b.stop();
process.exit(0);
