// Live-event latency across two app instances on one PostgreSQL database: 1,000 SSE clients (half
// on each instance) watch a roadmap while an item is PATCHed through instance A; prints the time
// from each PATCH's response to the event's arrival at every client (p50/p95; aim p95 ≤ 50 ms), and
// the memory one open stream costs an instance (RSS before and after opening 500 more; aim ≤ 50 KiB).
// Usage: node bench/live-events.mjs [--clients 1000] [--patches 30] [--streams 500]
import { execFileSync } from "node:child_process";
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const clients = arg("clients", 1000);
const patches = arg("patches", 30);
const extraStreams = arg("streams", 500);

/** Opens an event stream; calls onEvent(data, arrivalMs) for each event. */
async function openStream(base, token, roadmapId, onEvent) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/roadmaps/${roadmapId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (res.status !== 200) throw new Error(`events: ${res.status}`);
  // One decoder per stream and no stream pipeline: with a thousand streams in this one process, the
  // client's own cost per event would otherwise be a good part of what is measured.
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let hello;
  const ready = new Promise((resolve) => (hello = resolve));
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          if (!data) continue;
          const event = JSON.parse(data.slice(6));
          if (event.type === "hello") hello();
          onEvent(event, at);
        }
      }
    } catch {
      // closed
    }
  })();
  await ready;
  return () => abort.abort();
}

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

// version -> arrival times at the clients
const arrivals = new Map();
const closers = [];
for (let i = 0; i < clients; i++) {
  const base = i % 2 === 0 ? a.base : b.base;
  closers.push(
    await openStream(base, user.token, roadmap.id, (event, at) => {
      if (event.type !== "updated" || event.id !== item.id) return;
      if (!arrivals.has(event.version)) arrivals.set(event.version, []);
      arrivals.get(event.version).push(at);
    }),
  );
}

const latencies = [];
let version = item.version;
for (let i = 0; i < patches; i++) {
  const res = await fetch(`${a.base}/api/items/${item.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", "if-match": `"${version}"` },
    body: JSON.stringify({ title: `Watched ${i}` }),
  });
  const answered = performance.now();
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
a.stop();
b.stop();
process.exit(0);
