import { redirect } from "next/navigation";
import type { Database } from "@/db/types";
import { findUser } from "@/lib/services/accounts";
import type { Actor } from "@/lib/services/actor";
import { AppError } from "@/lib/services/errors";
import { auth } from "./auth";
import { database } from "./database";

/** The signed-in user in a server component or server action, or null. */
export async function currentActor(): Promise<
  { actor: Actor; db: Database } | { actor: null; db: Database }
> {
  const { db } = await database();
  const session = await auth();
  const userId = session?.user?.id;
  const user = userId ? await findUser(db, userId) : null;
  return user
    ? { actor: { userId: user.id, email: user.email, name: user.name, via: "session" }, db }
    : { actor: null, db };
}

/** Like currentActor, but sends a signed-out visitor to the sign-in page and back afterwards. */
export async function requirePageActor(returnTo: string): Promise<{ actor: Actor; db: Database }> {
  const result = await currentActor();
  if (!result.actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
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
