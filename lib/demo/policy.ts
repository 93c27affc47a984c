import type { DatabaseHandle } from "@/db/client";
import { DEMO_LOGIN } from "./login";

/**
 * Whether an empty database gets the demo team, whose four accounts share a published password.
 * CAIRN_SEED_DEMO=1 or 0 decides; otherwise only a development server on the embedded database
 * (`npm run dev` with no configuration) seeds it. A production start never does unless asked:
 * anyone who read the README could sign in to it.
 */
export function shouldSeedDemo(
  kind: DatabaseHandle["kind"],
  env: { CAIRN_SEED_DEMO?: string; NODE_ENV?: string } = process.env,
): boolean {
  if (env.CAIRN_SEED_DEMO === "1") return true;
  if (env.CAIRN_SEED_DEMO === "0") return false;
  return kind === "pglite" && env.NODE_ENV !== "production";
}

/** The demo login the sign-in page offers: in development, where the demo team is seeded. */
export function demoLoginHint(): typeof DEMO_LOGIN | null {
  if (process.env.NODE_ENV !== "development") return null;
  return shouldSeedDemo(process.env.DATABASE_URL ? "postgres" : "pglite") ? DEMO_LOGIN : null;
}
