// Timeline pictures of seeded random roadmaps (bench/lib/large-roadmap.ts: 10 lanes, 18 months,
// ~1.5 links per item, three phases), on an in-memory PGlite or a scratch database of DATABASE_URL's
// server: each format (SVG, PNG, PDF, PPTX) for the engineering audience (everything drawn) at
// 1,000, 5,000 (the limit) and 10,000 items, timed through the export service (load, layout,
// render) with pictures drawn in warm worker threads as the server draws them (lib/server/picture-draw.ts;
// the first of the runs starts the worker; BENCH_DRAW=here draws in the bench's own thread), and the
// longest event-loop stall seen meanwhile, by a ticking timer and by perf_hooks' monitorEventLoopDelay.
// BENCH_SIZES=1000,10000 runs only those sizes, BENCH_FORMATS=png,pptx only those formats.
// At 10,000 items a picture is refused (422 too_large_for_picture); a quarter of it is drawn instead.
// Aim: 1,000 items under 1 s per format; 10,000 never stalls the server. Run: npx tsx bench/export.ts

import { execFileSync } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MAX_PICTURE_ITEMS } from "../lib/exports/timeline/render";
import { closePicturePools, pictureDrawerOffThread } from "../lib/server/picture-draw";
import type { Actor } from "../lib/services/kernel/actor";
import { AppError } from "../lib/services/kernel/errors";
import { exportPicture } from "../lib/services/exports/picture";
import type { PictureFormat } from "../lib/validation/pictures";
import type { Database } from "../db/types";
import { median, openBenchDatabase, seedLargeRoadmap, START } from "./lib/large-roadmap";

/** BENCH_FORMATS=png,pptx runs only those formats. */
const FORMATS = (process.env.BENCH_FORMATS?.split(",") ?? ["svg", "png", "pdf", "pptx"]) as PictureFormat[];
const RUNS = 3;
/** BENCH_DRAW=here draws in this thread instead, to see what the workers cost and save. */
const IN_THREAD = process.env.BENCH_DRAW === "here";
const TICK_MS = 5;
/** BENCH_SIZES=1000,10000 runs only those roadmap sizes. */
const SIZES = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(",").map(Number)
  : [1_000, MAX_PICTURE_ITEMS, 10_000];

/**
 * The longest the event loop was held up while it runs: a timer ticks every TICK_MS and the
 * longest gap between ticks, less the tick, is a stall. stop() counts the gap up to its own call
 * too, so a block of work that ends just before the awaited export resolves (encoding a PNG, say)
 * is seen: perf_hooks' histogram only records a delay once its timer fires, and misses it.
 */
function stallSampler() {
  let last = performance.now();
  let longest = 0;
  const note = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  };
  const timer = setInterval(note, TICK_MS);
  return {
    stop(): number {
      clearInterval(timer);
      note();
      return longest;
    },
  };
}

async function timeExport(
  db: Database,
  actor: Actor,
  roadmapId: string,
  format: PictureFormat,
  range: { from?: string; to?: string } = {},
) {
  const times: number[] = [];
  let stallMs = 0;
  let outcome = "";
  // perf_hooks' own measure beside the sampler's: the largest event-loop delay it recorded.
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  for (let i = 0; i < RUNS; i++) {
    const stall = stallSampler();
    const t = performance.now();
    try {
      const file = await exportPicture(
        db,
        actor,
        roadmapId,
        { format, audience: "engineering", scale: "quarters", paper: "a4", ...range },
        { now: new Date(), locale: "en-GB", draw: IN_THREAD ? undefined : pictureDrawerOffThread() },
      );
      outcome = `${(file.body.length / 1024).toFixed(0)} kB`;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = `${error.code}: ${error.message.slice(0, 60)}…`;
    }
    times.push(performance.now() - t);
    stallMs = Math.max(stallMs, stall.stop());
  }
  histogram.disable();
  const loopMaxMs = histogram.max / 1e6;
  return { median: median(times), worst: Math.max(...times), stallMs, loopMaxMs, outcome };
}

async function main() {
  // The picture worker's bundle, as npm run build makes it.
  execFileSync(process.execPath, ["scripts/build-workers.mjs"], { stdio: "inherit" });
  const handle = await openBenchDatabase();
  const { db } = handle;
  for (const size of SIZES) {
    const { actor, roadmap } = await seedLargeRoadmap(db, {
      items: size,
      links: Math.round(size * 1.5),
      horizonMonths: 18,
    });
    for (const format of FORMATS) {
      const r = await timeExport(db, actor, roadmap.id, format);
      console.log(
        `${size.toLocaleString("en")} items, ${format}: median ${r.median.toFixed(0)} ms, worst ${r.worst.toFixed(0)} ms, longest event-loop stall ${r.stallMs.toFixed(0)} ms, event-loop delay max ${r.loopMaxMs.toFixed(0)} ms (${r.outcome})`,
      );
    }
    if (size > MAX_PICTURE_ITEMS) {
      const quarter = { from: START, to: "2027-03-31" };
      for (const format of FORMATS) {
        const r = await timeExport(db, actor, roadmap.id, format, quarter);
        console.log(
          `${size.toLocaleString("en")} items, first quarter only, ${format}: median ${r.median.toFixed(0)} ms, worst ${r.worst.toFixed(0)} ms, longest stall ${r.stallMs.toFixed(0)} ms, event-loop delay max ${r.loopMaxMs.toFixed(0)} ms (${r.outcome})`,
        );
      }
    }
  }
  await closePicturePools();
  await handle.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
