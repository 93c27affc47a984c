// The timeline page in Chromium against a production build on PostgreSQL (PGlite when no server
// answers), for each roadmap size asked for:
// - first bar: navigation start until the first item is in the page and painted (the frame after
//   it entered the DOM), median and worst of 3 cold loads after a warm-up load;
// - scrolling: requestAnimationFrame deltas while a script scrolls the timeline 48 px down (and
//   16 px right every other frame) each frame for 240 frames, then back up: p50/p95/max and frames
//   over 20 ms (60 fps means every delta at one vsync, 16.7 ms);
// - drag (before scrolling, at the top): interaction-to-next-paint of 5 drags of a bar, from the Event Timing API (entries of
//   type "event" with durationThreshold 16 for pointerdown, pointermove, pointerup and click;
//   an interaction that took under 16 ms reports no entry, counted as 16).
// Usage: node bench/timeline-render.mjs [--items 1000,10000] [--screenshots dir]
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ensureBuild, freshPostgres, newUser, percentile, startApp } from "./lib/app.mjs";
import { buildLargeRoadmap } from "./lib/roadmap.mjs";

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg("items") ?? "1000,10000").split(",").map(Number);
const shots = arg("screenshots");
if (shots) mkdirSync(shots, { recursive: true });
const ITEM = "[data-item-id]";
const REGION = '[role="region"][aria-label^="Timeline of"]';

// Runs in the page before its scripts: when the first item enters the DOM, and the paint after it;
// every Event Timing entry of 16 ms or more.
function probe() {
  window.__bench = { firstBar: null, events: [] };
  const seen = new MutationObserver(() => {
    if (!document.querySelector("[data-item-id]")) return;
    seen.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__bench.firstBar = performance.now()), 0));
  });
  seen.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__bench.events.push({ name: e.name, duration: e.duration, interactionId: e.interactionId ?? 0 });
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) };
};
const ms = (x) => `${x.toFixed(1)} ms`;

ensureBuild();
const app = await startApp({ databaseUrl: freshPostgres() });
const user = await newUser(app.base);
const browser = await chromium.launch({
  ...(existsSync("/usr/bin/chromium") && { executablePath: "/usr/bin/chromium" }),
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
});
const [cookieName, cookieValue] = user.cookie.split("; ").find((c) => c.includes("session-token")).split(/=(.*)/s);

async function openPage(roadmapId) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: cookieName, value: cookieValue, url: app.base }]);
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${app.base}/roadmaps/${roadmapId}`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__bench.firstBar !== null, null, { timeout: 60_000 });
  return { context, page, errors };
}

/** Scrolls the timeline by script, one step a frame; returns the frame deltas. */
function scrollFrames(page, step) {
  return page.evaluate(async ({ region, step }) => {
    const el = document.querySelector(region);
    const deltas = [];
    await new Promise((done) => {
      let last = 0;
      let n = 0;
      const tick = (t) => {
        if (last) deltas.push(t - last);
        last = t;
        if (n++ === 240) return done();
        el.scrollTop += step;
        if (n % 2) el.scrollLeft += step / 3;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return deltas;
  }, { region: REGION, step });
}

/** The centre of a feature bar wholly in view and not covered, skipping bars already dragged. */
function barInView(page, skip) {
  return page.evaluate(
    ({ region, skip }) => {
      const box = document.querySelector(region).getBoundingClientRect();
      for (const el of document.querySelectorAll("[data-item-id][data-width]")) {
        if (skip.includes(el.dataset.itemId) || Number(el.dataset.width) < 60) continue;
        if (el.querySelector("[data-handle]") === null) continue; // a milestone
        const r = el.getBoundingClientRect();
        if (r.left < box.left + 240 || r.right > box.right - 200 || r.top < box.top + 90 || r.bottom > box.bottom - 40)
          continue;
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (!el.contains(document.elementFromPoint(x, y))) continue;
        return { id: el.dataset.itemId, x, y };
      }
      return null;
    },
    { region: REGION, skip },
  );
}

for (const n of sizes) {
  const { team } = await (
    await fetch(`${app.base}/api/teams`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: `Render bench ${n}` }),
    })
  ).json();
  const t0 = performance.now();
  const built = await buildLargeRoadmap(app.base, user.token, team.id, n);
  console.log(
    `\n== ${built.items} items, ${built.dependencies} dependencies (built through the ${built.via} in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const firstBar = [];
  for (let run = 0; run < 4; run++) {
    const { context, page } = await openPage(built.roadmapId);
    if (run > 0) firstBar.push(await page.evaluate(() => window.__bench.firstBar)); // run 0 warms the server
    await context.close();
  }
  firstBar.sort((a, b) => a - b);
  console.log(`first bar drawn:  median ${ms(percentile(firstBar, 50))}, worst ${ms(firstBar.at(-1))} (aim ≤ 1500 ms)`);

  const { context, page, errors } = await openPage(built.roadmapId);
  await page.waitForLoadState("networkidle");
  const drawn = await page.locator(ITEM).count();
  console.log(`items in the DOM at the top: ${drawn} of ${n}`);
  if (shots) await page.screenshot({ path: `${shots}/timeline-${n}-top.png` });

  const inp = [];
  const moves = [];
  const dragged = [];
  for (let d = 0; d < 5; d++) {
    const bar = await barInView(page, dragged);
    if (!bar) break;
    dragged.push(bar.id);
    await page.evaluate(() => (window.__bench.events = []));
    await page.mouse.move(bar.x, bar.y);
    await page.mouse.down();
    for (let s = 1; s <= 8; s++) await page.mouse.move(bar.x + s * 9, bar.y);
    await page.mouse.up();
    await page.waitForTimeout(1_500); // the PATCH, its answer and the schedule refetch
    const events = await page.evaluate(() => window.__bench.events);
    const of = (names) => Math.max(16, ...events.filter((e) => names.includes(e.name)).map((e) => e.duration));
    inp.push(of(["pointerdown", "pointerup", "click", "mousedown", "mouseup"]));
    moves.push(of(["pointermove", "mousemove"]));
  }
  if (inp.length === 0) console.log("drag: no bar in view to drag");
  else {
    const i = stats(inp);
    console.log(
      `drag INP:         median ${ms(i.p50)}, worst ${ms(i.max)} over ${inp.length} drags; pointermove worst ${ms(Math.max(...moves))} (aim ≤ 100 ms)`,
    );
  }
  if (shots) await page.screenshot({ path: `${shots}/timeline-${n}-dragged.png` });

  for (const [pass, step] of [["down", 48], ["back up", -48]]) {
    const deltas = await scrollFrames(page, step);
    const s = stats(deltas);
    const late = deltas.filter((d) => d > 20).length;
    console.log(
      `scroll ${pass.padEnd(8)}  frames p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  over 20 ms: ${late} of ${deltas.length} (aim: every frame ≤ 16.7 ms)`,
    );
    await page.waitForTimeout(300);
    if (shots) await page.screenshot({ path: `${shots}/timeline-${n}-scrolled-${step > 0 ? "down" : "up"}.png` });
  }
  if (errors.length) console.log(`console errors: ${errors.slice(0, 3).join(" | ")}`);
  await context.close();
}
await browser.close();
app.stop();
process.exit(0);
