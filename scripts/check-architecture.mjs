// The shape of the code, checked: the import graph's file-level cycles, imports that run against the
// layers' arrows (docs/architecture.md), and source files over 300 lines whose first comment does not
// say why ("Over 300 lines: ..."). Prints what it finds; exits 1 when any of the three is non-empty.
// Usage: node scripts/check-architecture.mjs [--quiet]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "db", "scripts"];
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];
const MAX_LINES = 300;
const LONG_FILE_REASON = /Over 300 lines:\s*\S/;

/** Each layer by the path it lives under; the first match wins. */
const LAYERS = [
  ["app/api/", "app-api"],
  ["app/", "app"],
  ["components/", "components"],
  ["lib/client/", "client"],
  ["lib/server/", "server"],
  ["lib/services/", "services"],
  ["lib/demo/", "demo"],
  ["lib/planning/", "pure"],
  ["lib/collaboration/", "pure"],
  ["lib/validation/", "pure"],
  ["lib/imports/", "formats"],
  ["lib/exports/", "formats"],
  ["db/", "db"],
  ["scripts/", "scripts"],
];

const FRAMEWORK = ["next", "next-auth", "react", "react-dom"];
const IMPURE_LAYERS = ["app-api", "app", "components", "client", "server", "services", "demo"];

/** What each layer may not import (layers, packages), and the rule behind it. */
const FORBIDDEN = {
  db: {
    layers: [...IMPURE_LAYERS, "pure", "formats"],
    packages: FRAMEWORK,
    why: "db/ is the bottom layer: the schema and the connection, nothing above them",
  },
  pure: {
    layers: [...IMPURE_LAYERS, "formats", "db"],
    packages: [...FRAMEWORK, "drizzle-orm", "server-only"],
    why: "planning, collaboration and validation are pure: no framework, no database, no services",
  },
  formats: {
    layers: [...IMPURE_LAYERS, "db"],
    packages: [...FRAMEWORK, "drizzle-orm", "server-only"],
    why: "imports and exports turn files into plans and back: pure, no database, no services",
  },
  services: {
    layers: ["app-api", "app", "components", "client", "server", "demo"],
    packages: FRAMEWORK,
    why: "services are use cases: called by the server and pages, never calling up into them",
  },
  demo: {
    layers: ["app-api", "app", "components", "client", "server"],
    packages: FRAMEWORK,
    why: "the demo seed writes through services; the server starts it, not the reverse",
  },
  server: {
    layers: ["app-api", "app", "components", "client"],
    packages: [],
    why: "lib/server serves requests; pages and components sit above it",
  },
  client: {
    layers: ["app-api", "app", "components", "server", "services", "demo", "db"],
    packages: ["server-only"],
    why: "browser code reaches data through the HTTP API only",
  },
  components: {
    layers: ["app-api", "app", "server", "services", "demo", "db"],
    packages: ["server-only"],
    why: "components render; data comes from pages (props) or lib/client (HTTP)",
  },
};

function layerOf(file) {
  return LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1] ?? null;
}

function listSources(root, dir) {
  const out = [];
  if (!existsSync(path.join(root, dir))) return [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      out.push(...listSources(root, rel));
    } else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith(".d.ts")) {
      out.push(rel);
    }
  }
  return out;
}

const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The imports of a file's source, comments removed: each specifier, and whether only types come. */
export function importsOf(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...code.matchAll(IMPORT_PATTERN)].map((m) => ({
    specifier: m[2] ?? m[3],
    typeOnly: Boolean(m[1]),
  }));
}

/**
 * The one way db/ may look up: the schema's columns use the API's enumerations (lib/validation/
 * *-kinds.ts, files that import nothing, checked below) and may name a validation type (erased at
 * build). Anything else above db/ is a violation.
 */
const ENUMERATIONS = /^lib\/validation\/[\w-]+-kinds\.ts$/;
function dbMayImport(target, typeOnly) {
  return ENUMERATIONS.test(target) || (typeOnly && target.startsWith("lib/validation/"));
}

function existing(root, candidate) {
  for (const suffix of ["", ...EXTENSIONS, ...EXTENSIONS.map((e) => `/index${e}`)]) {
    try {
      if (statSync(path.join(root, candidate + suffix)).isFile()) return candidate + suffix;
    } catch {
      // not this one
    }
  }
  return null;
}

/** A specifier as a project file (null for a package or a file that does not exist). */
function resolve(root, from, specifier) {
  if (specifier.startsWith("@/")) return existing(root, specifier.slice(2));
  if (specifier.startsWith(".")) return existing(root, path.posix.join(path.posix.dirname(from), specifier));
  return null;
}

const packageOf = (specifier) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];

/** Strongly connected components of more than one file (Tarjan), each sorted. */
function cyclesOf(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indices.get(next)));
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

/** The first comment of a file (after a "use client"/"use server" directive), or "". */
function firstComment(source) {
  const rest = source.replace(/^\s*(["']use (client|server)["'];?\s*)?/, "");
  const block = rest.match(/^\/\*[\s\S]*?\*\//);
  if (block) return block[0];
  const lines = rest.match(/^(\s*\/\/.*\n)+/);
  return lines ? lines[0] : "";
}

/** The three findings for the tree at `root` (the project by default). */
export function checkArchitecture(root = process.cwd()) {
  const files = SOURCE_DIRS.flatMap((dir) => listSources(root, dir));
  const graph = new Map();
  const violations = [];
  const longFiles = [];
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    const layer = layerOf(file);
    const rule = FORBIDDEN[layer];
    const edges = new Set();
    const imports = importsOf(source);
    if (ENUMERATIONS.test(file) && imports.length > 0) {
      violations.push(
        `${file} imports ${imports[0].specifier} (enumerations import nothing: db/schema reads them)`,
      );
    }
    for (const { specifier, typeOnly } of imports) {
      const target = resolve(root, file, specifier);
      if (target) edges.add(target);
      if (!rule) continue;
      const targetLayer = target ? layerOf(target) : null;
      if (layer === "db" && target && dbMayImport(target, typeOnly)) continue;
      if (targetLayer && rule.layers.includes(targetLayer) && targetLayer !== layer) {
        violations.push(`${file} imports ${target} (${layer} -> ${targetLayer}: ${rule.why})`);
      } else if (!target && rule.packages.includes(packageOf(specifier))) {
        violations.push(`${file} imports ${specifier} (${layer} -> package: ${rule.why})`);
      }
    }
    graph.set(file, edges);
    const lines = source.split("\n").length - (source.endsWith("\n") ? 1 : 0);
    if (lines > MAX_LINES) {
      const reason = firstComment(source)
        .match(/Over 300 lines:\s*([^\n*]*)/)?.[1]
        ?.trim();
      longFiles.push({ file, lines, reason: LONG_FILE_REASON.test(firstComment(source)) ? reason : null });
    }
  }
  return { files: files.length, cycles: cyclesOf(graph), violations, longFiles };
}

const isMain =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const { files, cycles, violations, longFiles } = checkArchitecture();
  const unexplained = longFiles.filter((f) => !f.reason);
  console.log(`Checked ${files} source files.`);
  console.log(`\nImport cycles: ${cycles.length}`);
  for (const cycle of cycles) console.log(`  ${cycle.join(" <-> ")}`);
  console.log(`\nLayer violations: ${violations.length}`);
  for (const v of violations) console.log(`  ${v}`);
  console.log(
    `\nFiles over ${MAX_LINES} lines: ${longFiles.length} (${unexplained.length} without a reason)`,
  );
  for (const f of longFiles) {
    console.log(
      `  ${f.file} (${f.lines}): ${f.reason ?? 'NO REASON: start the file with a comment "Over 300 lines: why"'}`,
    );
  }
  const failed = cycles.length + violations.length + unexplained.length;
  console.log(failed === 0 ? "\nArchitecture: ok" : `\nArchitecture: ${failed} problem(s)`);
  process.exit(failed === 0 ? 0 : 1);
}
