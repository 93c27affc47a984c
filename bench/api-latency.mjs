// Latency of GET /api/me and GET /api/teams under 20 concurrent clients for 10 s each, against a
// production build, on PGlite and (when a server answers) PostgreSQL. Prints p50/p95/p99 and rate.
// Usage: node bench/api-latency.mjs [--seconds 10] [--clients 20]
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("seconds", 10);
const clients = arg("clients", 20);

async function load(base, path, headers) {
  const times = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const r = await fetch(base + path, { headers });
        await r.arrayBuffer();
        times.push(performance.now() - t0);
        if (r.status !== 200) errors++;
      }
    }),
  );
  times.sort((a, b) => a - b);
  const f = (x) => x.toFixed(1).padStart(6);
  console.log(
    `  ${path.padEnd(12)} n=${String(times.length).padStart(6)}  p50 ${f(percentile(times, 50))} ms  p95 ${f(percentile(times, 95))} ms  p99 ${f(percentile(times, 99))} ms  ${(times.length / seconds).toFixed(0)} req/s  errors ${errors}`,
  );
}

ensureBuild();
const backends = [["PGlite (embedded)", null]];
const pg = freshPostgres();
if (pg) backends.push(["PostgreSQL", pg]);
console.log(`${clients} concurrent clients, ${seconds} s per route, production build (next start)`);
for (const [label, databaseUrl] of backends) {
  const app = await startApp({ databaseUrl });
  const user = await newUser(app.base);
  await fetch(`${app.base}/api/teams`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Bench team" }),
  });
  console.log(`${label}:`);
  for (const [how, headers] of [
    ["bearer token", { authorization: `Bearer ${user.token}` }],
    ["session cookie", { cookie: user.cookie }],
  ]) {
    console.log(` with ${how}`);
    await load(app.base, "/api/me", headers);
    await load(app.base, "/api/teams", headers);
  }
  app.stop();
}
process.exit(0);
