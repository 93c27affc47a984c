// Time to first render of the timeline page for a 1,000-item roadmap in Chromium, against a
// production build on PostgreSQL (PGlite when no server answers): navigation start until the
// first item is drawn, and until the page is idle. Prints the median of 5 cold loads.
// Usage: node bench/timeline-render.mjs [--items 1000]
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";
import { buildLargeRoadmap } from "./lib/roadmap.mjs";

const i = process.argv.indexOf("--items");
const n = i > 0 ? Number(process.argv[i + 1]) : 1000;
const ITEM_SELECTOR = "[data-item-id]";

ensureBuild();
const app = await startApp({ databaseUrl: freshPostgres() });
const user = await newUser(app.base);
const team = await (
  await fetch(`${app.base}/api/teams`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Render bench" }),
  })
).json();
const built = await buildLargeRoadmap(app.base, user.token, team.team.id, n);
console.log(`roadmap with ${built.items} items and ${built.dependencies} dependencies`);

const browser = await chromium.launch({
  ...(existsSync("/usr/bin/chromium") && { executablePath: "/usr/bin/chromium" }),
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
const firstItem = [];
const loaded = [];
let drawn = 0;
for (let run = 0; run < 6; run++) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const [name, value] = user.cookie.split("; ").find((c) => c.includes("session-token")).split(/=(.*)/s);
  await context.addCookies([{ name, value, url: app.base }]);
  const page = await context.newPage();
  await page.goto(`${app.base}/roadmaps/${built.roadmapId}`, { waitUntil: "commit" });
  await page.waitForSelector(ITEM_SELECTOR, { timeout: 30_000 });
  const t = await page.evaluate(() => performance.now());
  await page.waitForLoadState("networkidle");
  const idle = await page.evaluate(() => performance.now());
  drawn = await page.locator(ITEM_SELECTOR).count();
  if (run > 0) {
    // the first run warms the server's caches
    firstItem.push(t);
    loaded.push(idle);
  }
  await context.close();
}
await browser.close();
firstItem.sort((a, b) => a - b);
loaded.sort((a, b) => a - b);
console.log(`items drawn in the first viewport: ${drawn} of ${n}`);
console.log(`first item drawn: median ${percentile(firstItem, 50).toFixed(0)} ms, worst ${firstItem.at(-1).toFixed(0)} ms`);
console.log(`network idle:     median ${percentile(loaded, 50).toFixed(0)} ms, worst ${loaded.at(-1).toFixed(0)} ms`);
app.stop();
process.exit(0);
