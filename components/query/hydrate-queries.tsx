import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";

/**
 * Hands data a server component loaded (through the services) to TanStack Query in the browser.
 * Data newer than what the browser already holds replaces it; queries then stay fresh on their own.
 */
export function HydrateQueries({
  entries,
  children,
}: {
  entries: ReadonlyArray<readonly [QueryKey, unknown]>;
  children: ReactNode;
}) {
  const client = new QueryClient();
  for (const [key, data] of entries) client.setQueryData(key, data);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
