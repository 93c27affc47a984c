import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { actorFromCookieHeader } from "./actor";
import { database } from "./database";

/**
 * The signed-in user in a server component or server action, or null. The cookie is read exactly
 * as the API reads it, session version included, so a page and the API never disagree about who
 * is signed in, and a malformed cookie is a signed-out visitor here too.
 */
export async function currentActor(): Promise<
  { actor: Actor; db: Database } | { actor: null; db: Database }
> {
  const { db } = await database();
  const actor = await actorFromCookieHeader(db, (await headers()).get("cookie"));
  return actor ? { actor, db } : { actor: null, db };
}

/**
 * The page being rendered, as the proxy saw it (a layout cannot know it otherwise), without Next's
 * own `_rsc` parameter; else `fallback`.
 */
async function renderedPath(fallback: string): Promise<string> {
  const seen = (await headers()).get("x-cairn-path");
  if (!seen?.startsWith("/")) return fallback;
  const url = new URL(seen, "http://cairn.invalid");
  url.searchParams.delete("_rsc");
  return url.pathname + url.search;
}

/**
 * Like currentActor, but sends a signed-out visitor (or one whose session was ended elsewhere) to
 * the sign-in page and back afterwards: to the page actually requested, whichever of the layout
 * and the page notices first.
 */
export async function requirePageActor(returnTo: string): Promise<{ actor: Actor; db: Database }> {
  const result = await currentActor();
  if (!result.actor) redirect(`/signin?callbackUrl=${encodeURIComponent(await renderedPath(returnTo))}`);
  return result;
}

/**
 * Runs a service call for a page; a team or resource the user cannot see becomes the 404 page,
 * like the API's 404. Other errors propagate to the error boundary.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) {
      const { notFound } = await import("next/navigation");
      notFound();
    }
    throw error;
  }
}
