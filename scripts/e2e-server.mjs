// Starts the production build for the end-to-end tests on a database of its own: a fresh
// PostgreSQL database when DATABASE_URL is set (dropped afterwards), else a fresh PGlite folder.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = mkdtempSync(join(tmpdir(), "cairn-e2e-"));
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_MANUAL_SIG_HANDLE: "true",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789abcdef",
  AUTH_URL: `http://127.0.0.1:${port}`,
  CAIRN_DATA_DIR: dataDir,
  CAIRN_SEED_DEMO: "1",
  // Every test registers its own users from one address.
  CAIRN_LIMIT_REGISTER_IP: "10000",
  CAIRN_LIMIT_SIGNIN_IP: "10000",
  // The webhooks spec's receiver listens on 127.0.0.1, which production refuses.
  CAIRN_WEBHOOK_ALLOW_PRIVATE: "1",
};

let database;
if (process.env.DATABASE_URL) {
  database = `cairn_e2e_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(process.env.DATABASE_URL);
  const psql = (sql) =>
    spawnSync("psql", [process.env.DATABASE_URL, "-qc", sql], { stdio: "inherit" }).status === 0;
  if (!psql(`CREATE DATABASE ${database}`)) process.exit(1);
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
  process.on("exit", () => psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
}

// The same start script as `npm start`, so that the tests run the server people run.
const server = spawn(process.execPath, ["scripts/start.mjs", "-p", port, "-H", "127.0.0.1"], {
  env,
  stdio: "inherit",
});
const stop = () => server.kill("SIGTERM");
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stop);
server.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
