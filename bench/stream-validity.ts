// The heartbeat's validity check of every open stream of an instance (lib/server/live/stream-validity):
// 100 members of a team with 10 roadmaps, each holding its 20 streams (half by API token, half by
// session), a tenth of the tokens revoked. Times one batched check of 100, 1,000 and 2,000 streams
// (median of 20), against the per-stream membership query the heartbeat used to run.
// On an in-memory PGlite, or a scratch database of DATABASE_URL's server.
// Run: npx tsx bench/stream-validity.ts

import { randomUUID } from "node:crypto";
import { apiTokens, memberships, roadmaps, teams, users } from "../db/schema";
import { validStreamIds, type StreamIdentity } from "../lib/server/live/stream-validity";
import type { Actor } from "../lib/services/kernel/actor";
import { requirePermission } from "../lib/services/kernel/authorization";
import { median, openBenchDatabase, START } from "./lib/large-roadmap";

const MEMBERS = 100;
const ROADMAPS = 10;
const STREAMS_PER_MEMBER = 20;
const RUNS = 20;

async function main() {
  const handle = await openBenchDatabase();
  const { db } = handle;
  try {
    const [team] = await db
      .insert(teams)
      .values({ name: "Bench", slug: `bench-${randomUUID()}` })
      .returning();
    const people = await db
      .insert(users)
      .values(
        Array.from({ length: MEMBERS }, (_, i) => ({
          email: `member-${i}-${randomUUID().slice(0, 6)}@example.test`,
          name: `Member ${i}`,
          passwordHash: "not used",
        })),
      )
      .returning();
    await db
      .insert(memberships)
      .values(people.map((u) => ({ teamId: team.id, userId: u.id, role: "viewer" as const })));
    const boards = await db
      .insert(roadmaps)
      .values(
        Array.from({ length: ROADMAPS }, (_, i) => ({
          teamId: team.id,
          title: `Roadmap ${i}`,
          startDate: START,
        })),
      )
      .returning();
    const tokens = await db
      .insert(apiTokens)
      .values(
        people.map((u, i) => ({
          userId: u.id,
          name: "bench",
          tokenHash: randomUUID(),
          prefix: "cairn_bench",
          revokedAt: i % 10 === 0 ? new Date() : null,
        })),
      )
      .returning();

    const streams: StreamIdentity[] = [];
    people.forEach((u, i) => {
      for (let s = 0; s < STREAMS_PER_MEMBER; s++) {
        const base = { userId: u.id, email: u.email, name: u.name };
        const actor: Actor =
          s % 2
            ? { ...base, via: "token", tokenId: tokens[i].id }
            : { ...base, via: "session", sessionVersion: 0 };
        streams.push({ connectionId: randomUUID(), actor, roadmap: boards[(i + s) % ROADMAPS] });
      }
    });

    console.log(
      `${handle.kind === "pglite" ? "PGlite (memory)" : "PostgreSQL"}: one batched check per heartbeat`,
    );
    for (const n of [100, 1_000, 2_000]) {
      const some = streams.slice(0, n);
      const times: number[] = [];
      let valid = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        valid = (await validStreamIds(db, some)).size;
        times.push(performance.now() - started);
      }
      console.log(
        `  ${String(n).padStart(5)} streams: ${median(times).toFixed(1).padStart(7)} ms (median of ${RUNS}), ${valid} still valid`,
      );
    }
    const some = streams.slice(0, 1_000);
    const started = performance.now();
    for (const { actor, roadmap } of some) await requirePermission(db, actor, roadmap.teamId, "team.read");
    console.log(
      `  before, one membership query per stream: ${(performance.now() - started).toFixed(1)} ms for 1000 streams`,
    );
  } finally {
    await handle.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
