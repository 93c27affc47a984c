// Bundles the worker-thread entries (lib/**/*.worker.ts) into .workers/<name>.mjs with esbuild.
// Next's bundler gives worker threads no entry of their own, so they are built here: before
// `next build` (npm run build), before `next dev` (predev) and once before vitest (globalSetup).
// Each bundle is self-contained (its dependencies inlined) and written atomically, so a server
// starting meanwhile never loads half a file. Run: node scripts/build-workers.mjs

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outDir = path.join(root, ".workers");

/** Entry name -> source, relative to the project root. */
export const WORKER_ENTRIES = {
  import: "lib/imports/worker/import.worker.ts",
  picture: "lib/exports/worker/picture.worker.ts",
  "picture-png": "lib/exports/worker/picture-png.worker.ts",
};

/**
 * Packages an entry loads from node_modules at run time instead of inlining: native addons (.node
 * files) and packages that read files beside their own code (pdfkit's font metrics, fontkit's
 * tables) cannot be bundled.
 */
export const WORKER_EXTERNALS = {
  picture: ["@resvg/resvg-js", "pdfkit", "fontkit", "pptxgenjs"],
  "picture-png": ["@resvg/resvg-js", "pdfkit", "fontkit", "pptxgenjs"],
};

export async function buildWorkers() {
  mkdirSync(outDir, { recursive: true });
  for (const [name, source] of Object.entries(WORKER_ENTRIES)) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [source],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      alias: { "@": root },
      external: WORKER_EXTERNALS[name] ?? [],
      // Every import starts a worker that loads this bundle: smaller loads faster. Names are kept
      // for the stack traces a failing worker logs.
      minify: true,
      keepNames: true,
      // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
      banner: {
        js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
      },
      write: false,
      logLevel: "warning",
    });
    const file = path.join(outDir, `${name}.mjs`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, result.outputFiles[0].contents);
    renameSync(temporary, file);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildWorkers();
  console.log(
    `Built ${Object.keys(WORKER_ENTRIES).length} worker bundle(s) into .workers/ in ${Math.round(performance.now() - started)} ms.`,
  );
}
