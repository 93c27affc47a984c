/** Runs once when a server starts: migrate (and on first start seed) the database before any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database, closeDatabase } = await import("@/lib/server/database");
  await database();
  // With NEXT_MANUAL_SIG_HANDLE=true Next leaves signals to us: close PGlite cleanly so the next
  // start needs no crash recovery.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        closeDatabase().finally(() => process.exit(0));
      });
    }
  }
}
