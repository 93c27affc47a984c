// `npm test`: lint, the architecture check, typecheck, unit and integration tests (PGlite; PostgreSQL too when DATABASE_URL
// is set), a production build, and the Playwright end-to-end tests in Chromium. Prints one summary
// line "N passed, N failed" at the end and exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const reports = mkdtempSync(join(tmpdir(), "cairn-test-"));
const steps = [];

function run(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`=== ${name}: ${result.status === 0 ? "ok" : `FAILED (exit ${result.status})`} in ${seconds}s`);
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

// Lint, the architecture check (import cycles, layer arrows, long files) and typecheck count as one check each.
for (const [name, script] of [
  ["lint", "lint"],
  ["architecture", "check:architecture"],
  ["typecheck", "typecheck"],
]) {
  const ok = run(name, "npm", ["run", "--silent", script]);
  steps.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

const vitestReport = join(reports, "vitest.json");
const vitestOk = run("unit + integration", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
steps.push({
  name: "vitest",
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests + (vitestOk ? 0 : vitest.numFailedTests === 0 ? 1 : 0) : 1,
});

const buildOk = run("production build", "npm", ["run", "--silent", "build"]);
if (!buildOk) steps.push({ name: "build", passed: 0, failed: 1 });
else {
  const e2eReport = join(reports, "playwright.json");
  const e2eOk = run("end-to-end", "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport,
  });
  const stats = readJson(e2eReport)?.stats;
  steps.push({
    name: "playwright",
    passed: stats ? stats.expected + stats.flaky : 0,
    failed: stats ? stats.unexpected + (e2eOk || stats.unexpected ? 0 : 1) : 1,
  });
}

console.log("\nSummary:");
for (const s of steps) console.log(`  ${s.name.padEnd(12)} ${s.passed} passed, ${s.failed} failed`);
const passed = steps.reduce((n, s) => n + s.passed, 0);
const failed = steps.reduce((n, s) => n + s.failed, 0);
if (!existsSync(vitestReport)) console.log("  (vitest wrote no report)");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
