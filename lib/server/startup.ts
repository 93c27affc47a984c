import { seedDemoOnFirstStart } from "@/lib/demo/start";
import { trustedProxies } from "./client-address";
import { closeDatabase, database } from "./database";
import { presenceRooms } from "./live/presence-rooms";

export async function startServer(): Promise<void> {
  // A malformed CAIRN_TRUSTED_PROXIES fails the start with its message, before anything is opened.
  trustedProxies();
  // Migrated, then (first start, when wanted) the demo team, before any request is served.
  await seedDemoOnFirstStart(await database());
  // With NEXT_MANUAL_SIG_HANDLE=true Next leaves signals to us: close PGlite cleanly so that the
  // next start needs no crash recovery.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        // Open event streams end first, so that their presence rows are removed.
        presenceRooms
          .closeAll()
          .then(closeDatabase)
          .finally(() => process.exit(0));
      });
    }
  }
}
