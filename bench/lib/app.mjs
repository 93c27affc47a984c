// Helpers for the benchmark scripts: start a production server on a fresh database, make users.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import net from "node:net";

export function ensureBuild() {
  if (existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`) && !process.argv.includes("--rebuild"))
    return;
  const r = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) process.exit(1);
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const cleanups = [];
process.on("exit", () => cleanups.forEach((f) => f()));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(1));

/** A fresh PostgreSQL database URL (dropped at exit), or null when no server answers. */
export function freshPostgres() {
  const admin = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `cairn_bench_${Math.random().toString(36).slice(2, 10)}`;
  const ok = spawnSync("psql", [admin, "-qc", `CREATE DATABASE ${name}`], { stdio: "ignore" }).status === 0;
  if (!ok) return null;
  cleanups.push(() =>
    spawnSync("psql", [admin, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: "ignore" }),
  );
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts the production server (scripts/start.mjs, as `npm start`) on PGlite (databaseUrl null) or PostgreSQL; resolves when it answers. */
export async function startApp({ databaseUrl = null, env = {} } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "cairn-bench-"));
  const child = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      AUTH_URL: base,
      CAIRN_DATA_DIR: dataDir,
      CAIRN_LIMIT_REGISTER_IP: "100000",
      CAIRN_LIMIT_SIGNIN_IP: "100000",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: "" }),
      ...env,
    },
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${base}/api/auth/csrf`);
      if (r.ok) return { base, pid: child.pid, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not start");
}

function cookieJar(res, jar) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
}

/** Signs in through Auth.js's credentials flow, as a browser does; answers the session cookie. */
export async function signIn(base, { email, password }) {
  const jar = {};
  const csrf = await fetch(`${base}/api/auth/csrf`);
  let cookie = cookieJar(csrf, jar);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString(),
    redirect: "manual",
  });
  cookie = cookieJar(res, jar);
  return cookie;
}

/** Registers, signs in (cookie) and mints an API token. */
export async function newUser(base, tag = "bench") {
  const email = `${tag}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = "a long bench password";
  const json = (body) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const reg = await fetch(`${base}/api/register`, json({ email, name: tag, password }));
  if (reg.status !== 201) throw new Error(`register: ${reg.status}`);
  const cookie = await signIn(base, { email, password });
  const tok = await fetch(`${base}/api/tokens`, {
    ...json({ name: "bench" }),
    headers: { "content-type": "application/json", cookie },
  });
  const { secret } = await tok.json();
  return { email, password, cookie, token: secret };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
