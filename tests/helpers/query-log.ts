import { vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";

/**
 * Records the SQL of every statement sent through a database handle's driver outside transactions
 * (PGlite's `query`, postgres.js's `unsafe`, which is what Drizzle calls), while still running them.
 */
export function recordQueries(handle: DatabaseHandle): { statements: () => string[]; stop: () => void } {
  const spy = handle.pglite ? vi.spyOn(handle.pglite, "query") : vi.spyOn(handle.sql!, "unsafe");
  return {
    statements: () => spy.mock.calls.map((call) => String(call[0])),
    stop: () => spy.mockRestore(),
  };
}
