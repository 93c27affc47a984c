import { vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";

type Send = (text: unknown, ...rest: unknown[]) => unknown;

/**
 * Records the SQL of every statement sent through a database handle's driver outside transactions
 * (PGlite's `query`, postgres.js's `unsafe`: what Drizzle calls), while still running them.
 * `failing` picks statements to fail with a real database error (they are swapped for one that
 * divides by zero), to exercise what happens when the database lets a query down.
 */
export function recordQueries(
  handle: DatabaseHandle,
  options: { failing?: (text: string) => boolean } = {},
): { statements: () => string[]; stop: () => void } {
  const method = handle.pglite ? "query" : "unsafe";
  const client = (handle.pglite ?? handle.sql) as unknown as Record<typeof method, Send>;
  const original = client[method].bind(client);
  const statements: string[] = [];
  const spy = vi.spyOn(client, method).mockImplementation((text, ...rest) => {
    statements.push(String(text));
    return options.failing?.(String(text)) ? original("select 1/0") : original(text, ...rest);
  });
  return { statements: () => [...statements], stop: () => spy.mockRestore() };
}
