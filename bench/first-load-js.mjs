// First-load JavaScript of every page of a production build: every script the page's HTML loads
// or names for hydration (see chunksOf), fetched and gzipped, as a browser on a cold cache
// downloads it. The pages are found by walking app/**/page.tsx; dynamic segments are filled with
// real ids from the seeded demo team (a roadmap, a scenario, a feedback round, an invitation and a
// share link made for the run).
// Exits 1 when a page is over the budget (issue #15: 130 kB) or does not answer 200.
// Usage: node bench/first-load-js.mjs [--rebuild]   (NEXT_DIST_DIR picks the build)
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuild, startApp } from "./lib/app.mjs";
import { demoFixtures } from "./lib/demo-fixtures.mjs";

const BUDGET_KB = 130;

/** URL patterns of every page under app/: route groups dropped, [segment] kept as a placeholder. */
function pagePatterns(dir = "app", prefix = "", signedIn = false) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === "api" || name.startsWith("_")) continue;
      const segment = name.startsWith("(") && name.endsWith(")") ? "" : `/${name}`;
      // Pages under the (app) route group need a signed-in person; the others are public.
      found.push(...pagePatterns(path, prefix + segment, signedIn || name === "(app)"));
    } else if (name === "page.tsx" || name === "page.ts") found.push({ pattern: prefix || "/", signedIn });
  }
  return found;
}

ensureBuild();
const app = await startApp({ env: { CAIRN_SEED_DEMO: "1" } });
const fixtures = await demoFixtures(app.base);

const pages = pagePatterns().map(({ pattern, signedIn }) => {
  const prefixed =
    Object.entries(fixtures.byPrefix).find(([prefix]) => pattern.startsWith(prefix))?.[1] ?? {};
  const params = { ...fixtures.params, ...prefixed };
  const path = pattern.replace(/\[(\w+)\]/g, (_, name) => {
    if (!(name in params))
      throw new Error(`no value for [${name}] in ${pattern}: add it to bench/lib/demo-fixtures.mjs`);
    return params[name];
  });
  return { pattern, path, signedIn };
});

/**
 * The JavaScript files a page needs before it is interactive: its <script src> tags and the chunks
 * its inline RSC payload names (the client components to hydrate; a webpack build loads most page
 * code that way rather than by tags). A `nomodule` script is left out: a browser that runs modules
 * (all this app supports) never fetches it. Chunks fetched later by import() are not in the HTML.
 */
function chunksOf(html) {
  const noModule = new Set(
    [...html.matchAll(/<script([^>]*)>/g)]
      .filter((m) => /\snomodule/i.test(m[1]))
      .map((m) => m[1].match(/\ssrc="([^"?]+)/)?.[1]),
  );
  const named = [...html.matchAll(/static\/chunks\/[^"'\\\s?]+?\.js/g)].map((m) => `/_next/${m[0]}`);
  return [...new Set(named)].filter((src) => !noModule.has(src));
}

const cache = new Map();
async function gzipped(url) {
  if (!cache.has(url)) cache.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length);
  return cache.get(url);
}

let failed = 0;
let shared = null; // the files every page loads: the framework and the root layout
console.log(`first-load JavaScript per page (gzip), budget ${BUDGET_KB} kB`);
console.log("page".padEnd(46), "scripts".padStart(7), "kB gz".padStart(8), "");
for (const page of pages) {
  const res = await fetch(app.base + page.path, {
    headers: page.signedIn ? { cookie: fixtures.cookie } : {},
    redirect: "manual",
  });
  const html = await res.text();
  const srcs = chunksOf(html);
  shared = shared ? new Set([...shared].filter((src) => srcs.includes(src))) : new Set(srcs);
  let total = 0;
  for (const src of srcs) total += await gzipped(new URL(src, app.base).toString());
  const kB = total / 1024;
  const problems = [];
  if (res.status !== 200) problems.push(`status ${res.status}`);
  if (kB > BUDGET_KB) problems.push(`over ${BUDGET_KB} kB`);
  if (problems.length) failed++;
  console.log(
    page.pattern.padEnd(46),
    String(srcs.length).padStart(7),
    kB.toFixed(1).padStart(8),
    problems.join(", "),
  );
}
let sharedBytes = 0;
for (const src of shared ?? []) sharedBytes += await gzipped(new URL(src, app.base).toString());
console.log(`shared by every page: ${shared?.size ?? 0} files, ${(sharedBytes / 1024).toFixed(1)} kB`);
console.log(
  failed ? `${failed} of ${pages.length} pages fail` : `all ${pages.length} pages within ${BUDGET_KB} kB`,
);
app.stop();
process.exit(failed ? 1 : 0);
