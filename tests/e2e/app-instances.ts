import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The PostgreSQL server the tests may create databases on. */
const ADMIN_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function psql(sql: string) {
  const result = spawnSync("psql", [ADMIN_URL, "-qc", sql], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed (${sql}): ${result.stderr || result.error}`);
}

/** A database of its own on the local PostgreSQL server; `drop()` removes it. */
export function createDatabase(): { url: string; drop: () => void } {
  const name = `cairn_multi_${Math.random().toString(36).slice(2, 10)}`;
  psql(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface AppInstance {
  base: string;
  stop: () => Promise<void>;
  /** SIGKILL: the process dies at once, in the middle of whatever it was doing (a crash). */
  kill: () => Promise<void>;
}

/** Starts the production build (`npm start`'s server, scripts/start.mjs) on a port, against `databaseUrl`; resolves once it answers. */
export async function startInstance(
  port: number,
  databaseUrl: string,
  /** More environment for this instance (SMTP_URL for a test mail server, ...). */
  extraEnv: Record<string, string> = {},
): Promise<AppInstance> {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "cairn-instance-"));
  const child: ChildProcess = spawn(
    process.execPath,
    ["scripts/start.mjs", "-p", String(port), "-H", "127.0.0.1"],
    {
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_MANUAL_SIG_HANDLE: "true",
        // Every instance shares the secret, as the instances of one deployment do.
        AUTH_SECRET: "multi-instance-secret-0123456789abcdef0123",
        AUTH_URL: base,
        DATABASE_URL: databaseUrl,
        CAIRN_DATA_DIR: dataDir,
        CAIRN_SEED_DEMO: "0",
        ...extraEnv,
      },
    },
  );
  const ended = async (signal: NodeJS.Signals) => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const stop = () => ended("SIGTERM");
  const kill = () => ended("SIGKILL");
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).ok) return { base, stop, kill };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`next start on port ${port} did not answer within a minute`);
}

/**
 * Registers a user on `base`, signs in through Auth.js and mints a personal API token; also returns
 * the token's id and the session's cookies (for what only a session may do, such as revoking it).
 */
export async function userWithToken(
  base: string,
  name: string,
): Promise<{ token: string; id: string; tokenId: string; cookie: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, "")}.${Date.now().toString(36)}@example.com`;
  const password = "a long enough password";
  const registered = await fetch(`${base}/api/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, name, password }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }),
  });
  jar.push(...signedIn.headers.getSetCookie().map((c) => c.split(";")[0]));
  const minted = await fetch(`${base}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: jar.join("; ") },
    body: JSON.stringify({ name: "multi-instance test" }),
  });
  if (minted.status !== 201) throw new Error(`token: ${minted.status} ${await minted.text()}`);
  const body = (await minted.json()) as { secret: string; token: { id: string } };
  const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${body.secret}` } });
  const { user } = (await me.json()) as { user: { id: string } };
  return { token: body.secret, id: user.id, tokenId: body.token.id, cookie: jar.join("; ") };
}
