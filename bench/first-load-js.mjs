// First-load JavaScript of the main pages of a production build: every <script src> the page's
// HTML loads, fetched and gzipped, as a browser on a cold cache downloads it.
// Usage: node bench/first-load-js.mjs
import { gzipSync } from "node:zlib";
import { ensureBuild, newUser, startApp } from "./lib/app.mjs";

ensureBuild();
const app = await startApp({ env: { CAIRN_SEED_DEMO: "1" } });
const user = await newUser(app.base, "size");
const team = await (
  await fetch(`${app.base}/api/teams`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Size team" }),
  })
).json();
const slug = team.team.slug;

const pages = [
  ["/", false],
  ["/signin", false],
  ["/register", false],
  ["/teams", true],
  [`/teams/${slug}`, true],
  [`/teams/${slug}/members`, true],
  [`/teams/${slug}/settings`, true],
  ["/account/tokens", true],
];
const cache = new Map();
async function gzipped(url) {
  if (!cache.has(url)) cache.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length);
  return cache.get(url);
}
console.log("page".padEnd(34), "scripts", "first-load JS (gzip)");
for (const [path, signedIn] of pages) {
  const res = await fetch(app.base + path, { headers: signedIn ? { cookie: user.cookie } : {}, redirect: "manual" });
  const html = await res.text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) total += await gzipped(new URL(src, app.base).toString());
  console.log(path.padEnd(34), String(srcs.length).padStart(7), `${(total / 1024).toFixed(1)} kB`, res.status !== 200 ? `(status ${res.status})` : "");
}
app.stop();
process.exit(0);
