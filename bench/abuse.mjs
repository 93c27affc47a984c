// Abuse figures for #13, against a production build on a fresh database (PostgreSQL when
// DATABASE_URL names a server, else PGlite):
//   1. the loop-heavy JSON import (3,000 chained items, 22,500 links closing loops, ~1.8 MB):
//      time, status, and the server's RSS before, after and at its peak;
//   2. fuzzing over HTTP with the test suite's generators (tests/helpers/fuzz): FUZZ_CASES
//      (default 20,000) one at a time, the rate and the outcomes; no 5xx expected; on PostgreSQL
//      every refused write is read back (database fingerprint) and must have changed nothing;
//   3. GET /api/me p50/p95 from one member while another runs twelve distinct 100,000-run forecasts
//      of a 500-item roadmap at once (and the same figures without the flood, for comparison).
// Usage: NEXT_DIST_DIR=.next-fuzz npx tsx bench/abuse.mjs [--skip import,fuzz,flood]
// Targets 127.0.0.1 only; every loop is bounded by a count or a deadline.
import fc from "fast-check";
import { openDatabase } from "../db/client.ts";
import { allEndpoints } from "../lib/validation/endpoints/index.ts";
import { caseArbitrary } from "../tests/helpers/fuzz/cases.ts";
import { readFingerprint } from "../tests/helpers/fuzz/fingerprint.ts";
import { endpointKey } from "../tests/helpers/fuzz/requests.ts";
import { FuzzRunner } from "../tests/helpers/fuzz/runner.ts";
import { fuzzSettings, seedFor } from "../tests/helpers/fuzz/settings.ts";
import { httpSend } from "../tests/helpers/fuzz/transports.ts";
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";
import { loopHeavyDocument } from "./lib/loop-import.mjs";
import { memoryOf, serverPid, withPeakRss } from "./lib/process-memory.mjs";
import { buildLargeRoadmap } from "./lib/roadmap.mjs";

const skip = new Set((process.argv[process.argv.indexOf("--skip") + 1] ?? "").split(","));
const { seed, cases } = fuzzSettings(process.env, { cases: 20_000 });
const mib = (x) => `${x.toFixed(0)} MiB`;
const ms = (x) => `${x.toFixed(1)} ms`;

async function json(base, method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body && { "content-type": "application/json" }) },
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function loopHeavyImport(app, owner, teamId, pid) {
  const body = JSON.stringify(loopHeavyDocument());
  const before = memoryOf(pid);
  const t0 = performance.now();
  const { result: res, peak } = await withPeakRss(pid, () =>
    fetch(`${app.base}/api/teams/${teamId}/imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
      body,
    }).then(async (r) => ({ status: r.status, text: await r.text() })),
  );
  const seconds = (performance.now() - t0) / 1000;
  const after = memoryOf(pid);
  let summary = res.text.slice(0, 160);
  try {
    const answer = JSON.parse(res.text);
    const reasons = (answer.skippedByReason ?? []).map((r) => `${r.count} x "${r.reason}"`).join(", ");
    summary = answer.error
      ? `${answer.error.code}: ${answer.error.message.slice(0, 140)}`
      : `${answer.roadmap?.id ? "roadmap made" : "answered"}; skipped ${answer.skippedTotal ?? "?"}${reasons ? `: ${reasons}` : ""}`;
  } catch {}
  console.log(
    `1. Loop-heavy JSON import (3,000 chained items + 22,500 loop links, ${(body.length / 1e6).toFixed(2)} MB)`,
  );
  console.log(`   status ${res.status} in ${seconds.toFixed(2)} s; ${summary}`);
  console.log(
    `   server RSS before ${mib(before.rss)}, after ${mib(after.rss)}, peak ${mib(peak)} (VmHWM ${mib(after.hwm)})`,
  );
}

async function fuzzOverHttp(app, databaseUrl) {
  const users = await Promise.all(
    ["owner", "editor", "commenter", "viewer", "outsider"].map((tag) => newUser(app.base, `fuzz-${tag}`)),
  );
  const me = await Promise.all(users.map((u) => json(app.base, "GET", "/api/me", u.token)));
  const member = (i) => ({ userId: me[i].json.user.id, email: users[i].email, token: users[i].token });
  // Spare tokens (minted with the owner's session) are the only ones offered to DELETE /api/tokens/{id}.
  const spare = [];
  for (const name of ["spare 1", "spare 2"]) {
    const r = await fetch(`${app.base}/api/tokens`, {
      method: "POST",
      headers: {
        cookie: users[0].cookie,
        "content-type": "application/json",
        origin: app.base,
        "sec-fetch-site": "same-origin",
      },
      body: JSON.stringify({ name }),
    });
    if (r.status === 201) spare.push((await r.json()).token.id);
  }
  const cast = {
    owner: member(0),
    editor: member(1),
    commenter: member(2),
    viewer: member(3),
    outsider: member(4),
    cookies: { owner: users[0].cookie, viewer: users[3].cookie },
    spareTokenIds: spare,
  };
  const handle = databaseUrl ? openDatabase({ url: databaseUrl }) : null;
  const runner = await FuzzRunner.start({
    send: httpSend(app.base),
    cast,
    // Node refuses request headers over 16 KiB (431 before the app sees them): keep the query short.
    wire: { maxQueryLength: 2_048 },
    fingerprint: handle ? () => readFingerprint(handle.db) : undefined,
  });
  const perEndpoint = Math.ceil(cases / allEndpoints.length);
  const problems = [];
  let sent = 0;
  const t0 = performance.now();
  for (const endpoint of allEndpoints) {
    const key = endpointKey(endpoint);
    for (const c of fc.sample(caseArbitrary(endpoint), { seed: seedFor(seed, key), numRuns: perEndpoint })) {
      const outcome = await runner.run(c);
      sent++;
      problems.push(...outcome.problems.map((p) => `${key}: ${p}`));
    }
    problems.push(...(await runner.verifyQuiet()).map((p) => `${key}: ${p}`));
  }
  const seconds = (performance.now() - t0) / 1000;
  await handle?.close();
  const t = runner.tally;
  const classes = ["2xx", "3xx", "4xx", "5xx"].map(
    (k) => `${k} ${["valid", "almost", "hostile"].reduce((s, v) => s + (t[`${v} ${k}`] ?? 0), 0)}`,
  );
  console.log(
    `2. Fuzzing over HTTP (FUZZ_SEED=${seed}, ${allEndpoints.length} endpoints x ${perEndpoint}, one at a time)`,
  );
  console.log(
    `   ${sent} cases in ${seconds.toFixed(1)} s: ${(sent / seconds).toFixed(1)} cases/s (fixture mended ${runner.mended}, rebuilt ${runner.rebuiltAfter.length} times)`,
  );
  console.log(`   by class: ${classes.join(", ")}`);
  for (const v of ["valid", "almost", "hostile"])
    console.log(
      `   ${v.padEnd(7)}: ${["2xx", "4xx", "5xx"].map((k) => `${k} ${t[`${v} ${k}`] ?? 0}`).join(", ")}`,
    );
  const statuses = Object.entries(t)
    .filter(([k]) => k.startsWith("status "))
    .sort();
  console.log(`   by status: ${statuses.map(([k, n]) => `${k.slice(7)}: ${n}`).join(", ")}`);
  console.log(
    `   read-back of refused writes: ${handle ? "on (PostgreSQL fingerprint)" : "off (PGlite lives in the server process; set DATABASE_URL)"}`,
  );
  console.log(
    `   problems: ${problems.length}${problems.length ? "" : " (0 5xx, every refusal in api.md's shape)"}`,
  );
  for (const p of problems.slice(0, 5)) console.log(`   - ${p.split("\n").slice(0, 6).join("\n     ")}`);
}

async function meLatency(base, token, until) {
  const times = [];
  let errors = 0;
  while ((typeof until === "number" ? times.length < until : !until.done) && times.length < 100_000) {
    const t0 = performance.now();
    const r = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    await r.arrayBuffer();
    times.push(performance.now() - t0);
    if (r.status !== 200) errors++;
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), errors };
}

async function forecastFlood(app, owner, teamId) {
  const other = await newUser(app.base, "flood-reader");
  const t0 = performance.now();
  const built = await buildLargeRoadmap(app.base, owner.token, teamId, 500);
  console.log(
    `3. GET /api/me during a forecast flood (500 items, ${built.dependencies} links, built in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const quiet = await meLatency(app.base, other.token, 200);
  const flood = { done: false };
  const started = performance.now();
  const forecasts = Promise.all(
    Array.from({ length: 12 }, async (_, i) => {
      const f0 = performance.now();
      const r = await fetch(
        `${app.base}/api/roadmaps/${built.roadmapId}/forecast?runs=100000&seed=${i + 1}`,
        {
          headers: { authorization: `Bearer ${owner.token}` },
          signal: AbortSignal.timeout(600_000),
        },
      ).catch((e) => ({
        // Node's fetch waits 300 s for an answer's headers, then gives up.
        status:
          e.cause?.code === "UND_ERR_HEADERS_TIMEOUT"
            ? "no answer in 300 s"
            : `failed (${e.cause?.code ?? e.name})`,
        arrayBuffer: async () => {},
      }));
      await r.arrayBuffer();
      return { status: r.status, seconds: (performance.now() - f0) / 1000 };
    }),
  ).finally(() => (flood.done = true));
  const during = await meLatency(app.base, other.token, flood);
  const results = await forecasts;
  const byStatus = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const ok = results.filter((r) => r.status === 200).map((r) => r.seconds);
  console.log(`   without the flood: /api/me p50 ${ms(quiet.p50)}, p95 ${ms(quiet.p95)} (n=${quiet.n})`);
  console.log(
    `   during the flood:  /api/me p50 ${ms(during.p50)}, p95 ${ms(during.p95)} (n=${during.n}, non-200 ${during.errors})`,
  );
  console.log(
    `   12 forecasts x 100,000 runs: ${JSON.stringify(byStatus)} in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (ok.length ? `; each 200 took ${Math.min(...ok).toFixed(1)}-${Math.max(...ok).toFixed(1)} s` : ""),
  );
}

ensureBuild();
const databaseUrl = process.env.DATABASE_URL ? freshPostgres() : null;
if (process.env.DATABASE_URL && !databaseUrl)
  throw new Error("DATABASE_URL is set but no database could be created");
const app = await startApp({ databaseUrl });
const pid = serverPid(app.pid);
console.log(
  `Production server on ${databaseUrl ? "PostgreSQL" : "PGlite"} at ${app.base} (server pid ${pid}, RSS ${mib(memoryOf(pid).rss)})`,
);
const owner = await newUser(app.base, "abuse-owner");
const { json: created } = await json(app.base, "POST", "/api/teams", owner.token, { name: "Abuse team" });
const teamId = created.team.id;
if (!skip.has("import")) await loopHeavyImport(app, owner, teamId, pid);
if (!skip.has("fuzz")) await fuzzOverHttp(app, databaseUrl);
if (!skip.has("flood")) await forecastFlood(app, owner, teamId);
app.stop();
process.exit(0);
