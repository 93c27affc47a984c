import { seedDemoOnFirstStart } from "@/lib/demo/start";
import { trustedProxies } from "./client-address";
import { closeDatabase, database } from "./database";
import { startWorkers, stopWorkers } from "./jobs/workers";
import { presenceRooms } from "./live/presence-rooms";

export async function startServer(): Promise<void> {
  // A malformed CAIRN_TRUSTED_PROXIES fails the start with its message, before anything is opened.
  trustedProxies();
  // Migrated, then (first start, when wanted) the demo team, before any request is served.
  await seedDemoOnFirstStart(await database());
  // The job queue's workers (email), unless CAIRN_WORKERS=0.
  await startWorkers();
  // With NEXT_MANUAL_SIG_HANDLE=true Next leaves signals to us: close PGlite cleanly so that the
  // next start needs no crash recovery.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        // Open event streams end first, so that their presence rows are removed.
        presenceRooms
          .closeAll()
          .then(stopWorkers)
          .then(closeDatabase)
          .finally(() => process.exit(0));
      });
    }
  }
}
