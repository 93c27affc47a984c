// The flood: one member asks for twelve distinct 100,000-run forecasts of a 500-item roadmap
// at once, while another member calls GET /api/me in a loop. Through the route handlers in one
// process, as a server runs them, on an in-memory PGlite (or a scratch database on DATABASE_URL).
// Prints /api/me p50/p95 before and during the flood, how many forecasts were computed at once, and
// when each forecast completed. Run: npx tsx bench/forecast-flood.ts [forecasts=12]

import { GET as getMe } from "../app/api/me/route";
import { GET as getForecast } from "../app/api/roadmaps/[roadmapId]/forecast/route";
import { memberships } from "../db/schema";
// Aliased: a name starting with "use" reads as a React hook to the linter.
import { useDatabase as serveDatabase } from "../lib/server/database";
import { registerUser } from "../lib/services/accounts/credentials";
import { forecastLoad } from "../lib/services/forecast/slots";
import { createToken } from "../lib/services/accounts/tokens";
import { median, openBenchDatabase, seedLargeRoadmap } from "./lib/large-roadmap";

const FLOOD = Number(process.argv[2] ?? 12);
const RUNS = 100_000;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const handle = await openBenchDatabase();
serveDatabase(handle);
const { db } = handle;
const { roadmap } = await seedLargeRoadmap(db, { items: 500, links: 1_000, horizonMonths: 18, seed: 13 });

async function member(label: string) {
  const user = await registerUser(db, {
    email: `${label}-${Date.now()}@example.test`,
    name: label,
    password: "correct horse battery",
  });
  await db.insert(memberships).values({ teamId: roadmap.teamId, userId: user.id, role: "viewer" });
  const actor = { userId: user.id, email: user.email, name: user.name, via: "token" as const };
  return (await createToken(db, actor, { name: label })).secret;
}
const flooder = await member("flooder");
const other = await member("other");

const call = (handler: typeof getMe, path: string, token: string, params: Record<string, string> = {}) =>
  handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve(params),
  });

async function measureMe(ms: number, until?: () => boolean) {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end && !(until?.() ?? false)) {
    const t0 = performance.now();
    const res = await call(getMe, "/api/me", other);
    await res.text();
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

const figures = (xs: number[]) =>
  `n=${xs.length} p50=${median(xs).toFixed(1)} ms p95=${percentile(xs, 95).toFixed(1)} ms`;

console.log(`GET /api/me alone: ${figures(await measureMe(3_000))}`);

const started = performance.now();
const completed: number[] = [];
let peak = 0;
const flood = Array.from({ length: FLOOD }, (_, i) =>
  call(getForecast, `/api/roadmaps/${roadmap.id}/forecast?runs=${RUNS}&seed=${i + 1}`, flooder, {
    roadmapId: roadmap.id,
  }).then(async (res) => {
    await res.text();
    if (res.status !== 200) throw new Error(`forecast answered ${res.status}`);
    completed.push(performance.now() - started);
  }),
);
const watch = setInterval(() => (peak = Math.max(peak, forecastLoad().computing)), 5);
const during = await measureMe(30 * 60_000, () => completed.length === FLOOD);
await Promise.all(flood);
clearInterval(watch);

console.log(`GET /api/me during the flood: ${figures(during)}`);
console.log(`forecasts computed at once: at most ${peak} (limit ${forecastLoad().maxComputing})`);
console.log(
  `${FLOOD} forecasts of ${RUNS.toLocaleString("en")} runs completed at (s): ${completed.map((ms) => (ms / 1000).toFixed(1)).join(", ")}`,
);
await handle.dispose();
