// The import service on a generated Microsoft Project XML plan of 5,000 tasks: parse (in the import
// worker, as the server does; build it first with node scripts/build-workers.mjs), then write the
// new roadmap in one transaction, on a fresh in-memory PGlite database, and on a fresh
// PostgreSQL database as well when DATABASE_URL names a server we may create databases on.
// Run: npx tsx bench/import-mspdi.ts [tasks]

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { registerUser } from "../lib/services/accounts/credentials";
import type { Actor } from "../lib/services/kernel/actor";
import { parseUploadInWorker } from "../lib/server/import-parse";
import { importRoadmap, type ImportProgress } from "../lib/services/imports/import-roadmap";
import { createTeam } from "../lib/services/teams/teams";
import { generateMspdi } from "./lib/mspdi-generator";

const TASKS = Number(process.argv[2] ?? 5_000);
const RUNS = 3;

interface Backend {
  name: string;
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

async function pglite(): Promise<Backend> {
  const handle = openDatabase({ dataDir: "memory" });
  await handle.migrate();
  return { name: "PGlite (memory)", handle, dispose: () => handle.close() };
}

/** A database created for this run and dropped after it. */
async function freshPostgres(url: string): Promise<Backend> {
  const name = `cairn_bench_${randomBytes(6).toString("hex")}`;
  const admin = () => postgres(url, { max: 1, onnotice: () => {} });
  const run = async (statement: string) => {
    const sql = admin();
    try {
      await sql.unsafe(statement);
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  // The name is made of hex digits only, so interpolating it is safe.
  await run(`CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = openDatabase({ url: target.toString() });
  const dispose = async () => {
    await handle.close().catch(() => {});
    await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  try {
    await handle.migrate();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { name: "PostgreSQL", handle, dispose };
}

async function editorOf(handle: DatabaseHandle): Promise<{ actor: Actor; teamId: string }> {
  const user = await registerUser(handle.db, {
    email: `bench-${randomBytes(4).toString("hex")}@example.test`,
    name: "Bench Editor",
    password: "correct horse battery",
  });
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, via: "session" };
  const team = await createTeam(handle.db, actor, { name: "Bench team" });
  return { actor, teamId: team.id };
}

const ms = (from: number, to: number) => `${(to - from).toFixed(0).padStart(6)} ms`;

async function bench(backend: Backend, xml: string, bytes: number) {
  const { actor, teamId } = await editorOf(backend.handle);
  console.log(`\n${backend.name}`);
  for (let run = 1; run <= RUNS; run++) {
    let parsed = 0;
    const started = performance.now();
    const result = await importRoadmap(
      backend.handle.db,
      actor,
      teamId,
      // The bytes move to the parsing worker, so each run gets its own copy.
      { kind: "xml", data: new TextEncoder().encode(xml), bytes },
      { title: `Bench run ${run}` },
      parseUploadInWorker,
      (p: ImportProgress) => {
        if (p.stage === "parsing" && p.done === p.total) parsed = performance.now();
      },
    );
    const finished = performance.now();
    console.log(
      `  run ${run}: parse ${ms(started, parsed)}, write ${ms(parsed, finished)}, total ${ms(started, finished)}; ` +
        `${result.imported.items} items, ${result.imported.dependencies} links, ` +
        `${result.imported.workstreams} lanes written, ${result.skippedTotal} skipped; ` +
        `rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
    );
  }
}

async function main() {
  const xml = generateMspdi(TASKS, 1);
  const bytes = Buffer.byteLength(xml, "utf8");
  console.log(
    `MSPDI plan of ${TASKS.toLocaleString("en")} tasks: ${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} bytes)`,
  );
  const backends = [pglite];
  const url = process.env.DATABASE_URL;
  if (url) backends.push(() => freshPostgres(url));
  for (const open of backends) {
    const backend = await open();
    try {
      await bench(backend, xml, bytes);
    } finally {
      await backend.dispose();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
