// What fills a page's first-load JavaScript: each chunk's gzipped size shared out among the npm
// packages and app folders its source map names (in proportion to the bytes each one generated).
// Needs a build with browser source maps:
//   CAIRN_BROWSER_SOURCE_MAPS=1 NEXT_DIST_DIR=.next-x npm run build
//   NEXT_DIST_DIR=.next-x node bench/bundle-attribution.mjs / /roadmaps/:roadmapId [--depth=3]
// Page paths may use :roadmapId and :teamSlug (filled from the demo team, as bench:bundle does).
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { startApp } from "./lib/app.mjs";
import { demoFixtures } from "./lib/demo-fixtures.mjs";

const dist = process.env.NEXT_DIST_DIR || ".next";
const depth = Number(process.argv.find((a) => a.startsWith("--depth="))?.slice(8) ?? 2);
const paths = process.argv.slice(2).filter((a) => !a.startsWith("--"));

const B64 = Object.fromEntries(
  [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]),
);

/** The segments of one line of a source map's mappings, as [generated column delta, source delta?]. */
function segments(line) {
  return line
    .split(",")
    .filter(Boolean)
    .map((segment) => {
      const values = [];
      let shift = 0;
      let value = 0;
      for (const ch of segment) {
        const digit = B64[ch];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = shift = 0;
        }
      }
      return values;
    });
}

/** Generated characters per source file of one (section of a) source map. */
function charsBySource(code, map, lineOffset, columnOffset, into) {
  const lines = code.split("\n");
  let source = 0;
  map.mappings.split(";").forEach((mapped, i) => {
    const text = lines[i + lineOffset] ?? "";
    let column = i === 0 ? columnOffset : 0;
    const marks = segments(mapped).map((s) => {
      column += s[0];
      if (s.length > 1) source += s[1];
      return [column, s.length > 1 ? map.sources[source] : "(unmapped)"];
    });
    marks.forEach(([start, name], k) => {
      const end = k + 1 < marks.length ? marks[k + 1][0] : text.length;
      into[name] = (into[name] ?? 0) + Math.max(0, end - start);
    });
  });
}

/** An npm package (next and react-dom by their compiled parts) or an app folder. */
function groupOf(source) {
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/);
  if (pkg) return pkg[1] === "next" ? `next/${pkg[2].split("/").slice(0, depth).join("/")}` : pkg[1];
  return `app: ${source
    .replace(/^turbopack:\/\/\/\[project\]\/[^/]+\//, "")
    .split("/")
    .slice(0, depth)
    .join("/")}`;
}

function attribute(chunk) {
  const file = `${dist}/static/chunks/${chunk}`;
  const code = readFileSync(file, "utf8");
  const gz = gzipSync(code).length;
  const url = code.match(/sourceMappingURL=(\S+)\s*$/)?.[1];
  const mapFile = url ? `${dist}/static/chunks/${url}` : `${file}.map`;
  const chars = {};
  if (existsSync(mapFile)) {
    const map = JSON.parse(readFileSync(mapFile, "utf8"));
    for (const section of map.sections ?? [{ map, offset: { line: 0, column: 0 } }])
      charsBySource(code, section.map, section.offset.line, section.offset.column, chars);
  } else chars["(no source map)"] = 1;
  const total = Object.values(chars).reduce((a, b) => a + b, 0) || 1;
  const groups = {};
  for (const [source, n] of Object.entries(chars))
    groups[groupOf(source)] = (groups[groupOf(source)] ?? 0) + (n / total) * gz;
  return { gz, groups };
}

const app = await startApp({ env: { CAIRN_SEED_DEMO: "1" } });
const fixtures = await demoFixtures(app.base);
for (const pattern of paths) {
  const path = pattern
    .replace(":roadmapId", fixtures.params.roadmapId)
    .replace(":teamSlug", fixtures.params.teamSlug);
  const html = await (await fetch(app.base + path, { headers: { cookie: fixtures.cookie } })).text();
  const noModule = new Set(
    [...html.matchAll(/<script([^>]*)>/g)]
      .filter((m) => /\snomodule/i.test(m[1]))
      .map((m) => m[1].match(/static\/chunks\/([^"?]+)/)?.[1]),
  );
  const chunks = [
    ...new Set([...html.matchAll(/static\/chunks\/([^"'\\\s?]+?\.js)/g)].map((m) => m[1])),
  ].filter((c) => !noModule.has(c));
  const totals = {};
  let sum = 0;
  for (const chunk of chunks) {
    const { gz, groups } = attribute(chunk);
    sum += gz;
    for (const [group, bytes] of Object.entries(groups)) totals[group] = (totals[group] ?? 0) + bytes;
  }
  console.log(`\n${pattern}: ${chunks.length} files, ${(sum / 1024).toFixed(1)} kB gzipped`);
  for (const [group, bytes] of Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30))
    console.log((bytes / 1024).toFixed(1).padStart(7), group);
}
app.stop();
process.exit(0);
